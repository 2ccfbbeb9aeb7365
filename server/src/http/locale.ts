import type { Request } from 'express';
import type { Locale } from '@landraeume/shared';

/** German first: the signed-in person's choice, else the browser's, else German. */
export function requestLocale(req: Request): Locale {
  if (req.user) return req.user.locale;
  const accepted = req.acceptsLanguages('de', 'en');
  return accepted === 'en' ? 'en' : 'de';
}
