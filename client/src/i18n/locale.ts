export type Locale = 'de' | 'en';

const STORAGE_KEY = 'landraeume.locale';

/** German first: English only when chosen, or when the browser asks for it and nothing was chosen. */
export function currentLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  return 'de';
}

export function storeLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
