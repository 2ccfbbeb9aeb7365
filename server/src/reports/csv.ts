/**
 * RFC 4180 CSV (comma, CRLF, quotes doubled). A cell that a spreadsheet would run as a formula
 * (=, +, -, @ at the start of text) is prefixed with an apostrophe: town and space names come
 * from users. Numbers are written as numbers.
 */
export interface CsvColumn<T> {
  header: string;
  value(row: T): string | number | boolean | null;
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((row) => columns.map((c) => cell(c.value(row))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
