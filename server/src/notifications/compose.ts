import type { Locale } from '@landraeume/shared';
import type { Mail, MailAttachment } from './mailer';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const FOOTER: Record<Locale, string> = {
  de: 'Landräume – Räume und Arbeitsplätze im Kreis Coesfeld. Diese E-Mail wurde automatisch versandt.',
  en: 'Landräume – rooms and desks in Kreis Coesfeld. This e-mail was sent automatically.',
};

/** A plain transactional mail: text and HTML with the same paragraphs, one link, the footer. */
export function compose(to: string, subject: string, paragraphs: string[], link: { url: string; label: string }, footer: string, attachments?: MailAttachment[]): Mail {
  const text = [...paragraphs, '', `${link.label}: ${link.url}`, '', footer].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#555;font-size:0.9em">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject, text, html, ...(attachments ? { attachments } : {}) };
}
