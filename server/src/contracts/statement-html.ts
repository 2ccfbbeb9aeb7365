import type { Locale, Statement } from '@landraeume/shared';
import { escapeHtml } from '../notifications/compose';

const TEXT = {
  de: { title: 'Abrechnung', contract: 'Vertrag', month: 'Monat', date: 'Datum', space: 'Ort', employee: 'Mitarbeiter/in', hours: 'Stunden', amount: 'Betrag', total: 'Summe', days: 'Arbeitsplatz-Tage', print: 'Drucken Sie diese Seite oder speichern Sie sie als PDF.' },
  en: { title: 'Statement', contract: 'Contract', month: 'Month', date: 'Date', space: 'Place', employee: 'Employee', hours: 'Hours', amount: 'Amount', total: 'Total', days: 'Desk-days', print: 'Print this page or save it as PDF.' },
} as const;

/** A printable page for the finance office; every value from the database is escaped. */
export function statementHtml(statement: Statement, locale: Locale): string {
  const t = TEXT[locale];
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  const money = (cents: number) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  const hours = (h: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(h);
  const rows = statement.lines
    .map((l) => `<tr><td>${escapeHtml(l.date)}</td><td>${escapeHtml(l.space)}, ${escapeHtml(l.municipality)}</td><td>${escapeHtml(l.employee)}</td><td class="n">${hours(l.hours)}</td><td class="n">${money(l.amountCents)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${t.title} ${escapeHtml(statement.month)} – ${escapeHtml(statement.contract.employer.name)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3em .5em;text-align:left}.n{text-align:right}@media print{.hint{display:none}}</style>
</head><body>
<h1>${t.title}: ${escapeHtml(statement.contract.employer.name)}</h1>
<p>${t.contract}: ${escapeHtml(statement.contract.name)} · ${t.month}: ${escapeHtml(statement.month)}</p>
<p class="hint">${t.print}</p>
<table><thead><tr><th scope="col">${t.date}</th><th scope="col">${t.space}</th><th scope="col">${t.employee}</th><th scope="col" class="n">${t.hours}</th><th scope="col" class="n">${t.amount}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" colspan="3">${t.total} (${statement.totals.days} ${t.days})</th><td class="n">${hours(statement.totals.hours)}</td><td class="n">${money(statement.totals.amountCents)}</td></tr></tfoot>
</table>
</body></html>
`;
}
