export type Locale = 'de' | 'en';

const STORAGE_KEY = 'landraeume.locale';

/** German first: English only when someone chose it (the switch, or their account's language). */
export function currentLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  return 'de';
}

export function storeLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
