import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart as plain SVG: no chart library for a few bars. It is an image with a
 * title for screen readers; the table next to it carries the same numbers for anyone who needs
 * them as text, so the chart adds nothing that is only visual.
 */
export function BarChart({ title, bars, format = (v) => String(v) }: { title: string; bars: Bar[]; format?: (value: number) => string }) {
  const id = useId();
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const row = 26;
  const labelWidth = 200;
  const width = 520;
  const barSpace = width - labelWidth - 70;
  // Bars of nothing but zeros say less than the table beside them.
  if (!bars.some((b) => b.value > 0)) return null;
  return (
    <figure className="bar-chart">
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${width} ${bars.length * row + 4}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        {bars.map((bar, index) => {
          const y = index * row + 2;
          const w = Math.max((bar.value / max) * barSpace, bar.value > 0 ? 2 : 0);
          return (
            <g key={`${bar.label}-${index}`} aria-hidden="true">
              <text x={labelWidth - 6} y={y + row / 2 + 4} textAnchor="end" className="bar-label">
                {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={w} height={row - 8} className="bar" />
              <text x={labelWidth + w + 6} y={y + row / 2 + 4} className="bar-value">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
