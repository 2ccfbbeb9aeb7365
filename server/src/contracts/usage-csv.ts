import type { Usage } from '@landraeume/shared';
import { csvText } from '../http/csv';

export type CsvFormat = 'de' | 'en';

const HEADERS: Record<CsvFormat, string[]> = {
  de: ['Mitarbeiter/in', 'Tage', 'Stunden', 'Betrag (EUR)', 'Resttage'],
  en: ['Employee', 'Days', 'Hours', 'Amount (EUR)', 'Days left'],
};
const TOTAL: Record<CsvFormat, string> = { de: 'Summe', en: 'Total' };

const number = (value: number, format: CsvFormat, digits: number) => {
  const text = value.toFixed(digits);
  return format === 'de' ? text.replace('.', ',') : text;
};

/** Usage per employee with a total line; `de` is for German spreadsheets (`;`, decimal comma). */
export function usageCsv(usage: Usage, format: CsvFormat): string {
  const separator = format === 'de' ? ';' : ',';
  const line = (cells: string[]) => cells.map((c) => csvText(c, separator)).join(separator);
  const row = (name: string, t: { days: number; hours: number; amountCents: number }, left: number | null) =>
    line([name, String(t.days), number(t.hours, format, 2), number(t.amountCents / 100, format, 2), left === null ? '' : String(left)]);
  return [line(HEADERS[format]), ...usage.employees.map((e) => row(e.name, e, e.daysLeft)), row(TOTAL[format], usage.totals, null)].join('\r\n') + '\r\n';
}
