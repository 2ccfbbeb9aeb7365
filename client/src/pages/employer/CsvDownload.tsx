import { useState } from 'react';
import { currentLocale } from '../../i18n/locale';

/**
 * A link cannot ask for CSV (a browser's navigation prefers HTML, and the API answers JSON to
 * that), so the file is fetched with `Accept: text/csv` and handed to the browser to save.
 */
export function CsvDownload({ organizationId, month, format, label }: { organizationId: string; month: string; format: 'de' | 'en'; label: string }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(`/api/organizations/${organizationId}/usage?month=${month}&format=${format}`, { headers: { Accept: 'text/csv', 'Accept-Language': currentLocale() }, credentials: 'same-origin' });
      if (!response.ok) return;
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `nutzung-${month}${format === 'de' ? '-de' : ''}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="link-button" onClick={download} disabled={busy}>
      {label}
    </button>
  );
}
