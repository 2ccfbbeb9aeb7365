import type { Locale } from '@landraeume/shared';

/** The message keys the shared schemas use, in both languages. */
const KEYED: Record<string, Record<Locale, string>> = {
  'email.required': { de: 'Bitte geben Sie Ihre E-Mail-Adresse an.', en: 'Please enter your e-mail address.' },
  'email.invalid': { de: 'Das ist keine gültige E-Mail-Adresse.', en: 'This is not a valid e-mail address.' },
  'password.required': { de: 'Bitte geben Sie ein Passwort an.', en: 'Please enter a password.' },
  'password.too_short': { de: 'Das Passwort muss mindestens 10 Zeichen lang sein.', en: 'The password must be at least 10 characters long.' },
  'password.too_long': { de: 'Das Passwort darf höchstens 200 Zeichen lang sein.', en: 'The password must be at most 200 characters long.' },
  'password.common': { de: 'Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.', en: 'This password is too common and easy to guess. Please choose another one.' },
  'name.required': { de: 'Bitte geben Sie Ihren Namen an.', en: 'Please enter your name.' },
  'name.too_long': { de: 'Der Name darf höchstens 100 Zeichen lang sein.', en: 'The name must be at most 100 characters long.' },
  'text.control_characters': { de: 'Der Text enthält unzulässige Steuerzeichen.', en: 'The text contains control characters that are not allowed.' },
  'locale.invalid': { de: 'Die Sprache muss „de“ oder „en“ sein.', en: 'The language must be "de" or "en".' },
  'token.invalid': { de: 'Der Link ist ungültig.', en: 'The link is invalid.' },
  'postcode.invalid': { de: 'Die Postleitzahl muss fünf Ziffern haben.', en: 'The postcode must have five digits.' },
  'id.invalid': { de: 'Die Kennung ist ungültig.', en: 'The identifier is invalid.' },
};

/** Zod's own issues (no key of ours) get a plain message by kind. */
const BY_ZOD_CODE: Record<string, Record<Locale, string>> = {
  invalid_type: { de: 'Angabe fehlt oder hat den falschen Typ.', en: 'Missing, or of the wrong type.' },
  too_small: { de: 'Der Wert ist zu klein oder zu kurz.', en: 'The value is too small or too short.' },
  too_big: { de: 'Der Wert ist zu groß oder zu lang.', en: 'The value is too big or too long.' },
  invalid_format: { de: 'Das Format stimmt nicht.', en: 'The format is not right.' },
  invalid_value: { de: 'Dieser Wert ist nicht erlaubt.', en: 'This value is not allowed.' },
  unrecognized_keys: { de: 'Unbekannte Angabe.', en: 'Unknown field.' },
};

export const INVALID_INPUT_MESSAGE: Record<Locale, string> = { de: 'Bitte prüfen Sie Ihre Eingaben.', en: 'Please check your input.' };

export function translateIssue(message: string, code: string, locale: Locale): string {
  return KEYED[message]?.[locale] ?? BY_ZOD_CODE[code]?.[locale] ?? (locale === 'de' ? 'Ungültige Angabe.' : 'Invalid value.');
}
