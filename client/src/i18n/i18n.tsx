import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { de, type MessageKey } from './de';
import { currentLocale, storeLocale, type Locale } from './locale';

const dictionaries: Partial<Record<Locale, Record<MessageKey, string>>> = { de };

/**
 * English is fetched only by those who read it, so the start page of the German majority carries
 * one dictionary. main.tsx awaits the reader's dictionary before the first render.
 */
export async function loadDictionary(locale: Locale): Promise<void> {
  if (!dictionaries[locale]) dictionaries[locale] = (await import('./en')).en;
}

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A sentence for an API error: ours for known codes, else the server's (already localized). */
  errorText(error: unknown): string;
  money(cents: number): string;
  /** A figure in the reader's format, e.g. 1.059,1 in German. */
  number(value: number): string;
  dateTime(iso: string, zone?: string): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(currentLocale);
  const setLocale = useCallback((next: Locale) => {
    void loadDictionary(next).then(() => {
      storeLocale(next);
      setLocaleState(next);
    });
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[locale] ?? de;
    const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
      dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
    const tag = locale === 'de' ? 'de-DE' : 'en-GB';
    return {
      locale,
      setLocale,
      t,
      errorText(error) {
        if (error instanceof ApiError) {
          const key = `error.${error.code}` as MessageKey;
          return key in dictionary ? dictionary[key] : error.message;
        }
        return dictionary['error.generic'];
      },
      number: (value) => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value),
      money: (cents) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }).format(cents / 100),
      dateTime: (iso, zone = 'Europe/Berlin') => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(iso)),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
