/**
 * RFC 4180 CSV (comma, CRLF, quotes doubled). A cell that a spreadsheet would run as a formula
 * (=, +, -, @ at the start of text) is prefixed with an apostrophe: names come from users.
 * Numbers are written as numbers.
 */
export interface CsvColumn<T> {
  header: string;
  value(row: T): string | number | boolean | null;
}

/** One text cell, defused and quoted when it holds the separator, a quote or a line break. */
export function csvText(value: string, separator = ','): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  return typeof value === 'string' ? csvText(value) : String(value);
}

export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((row) => columns.map((c) => cell(c.value(row))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
