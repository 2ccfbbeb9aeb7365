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
  'postcode.unknown': { de: 'Diese Postleitzahl liegt nicht im Kreis Coesfeld.', en: 'This postcode is not in Kreis Coesfeld.' },
  'datetime.invalid': { de: 'Bitte geben Sie Datum und Uhrzeit mit Zeitzone an, z. B. 2026-12-01T09:00:00+01:00.', en: 'Please give date and time with an offset, e.g. 2026-12-01T09:00:00+01:00.' },
  'date.invalid': { de: 'Dieses Datum gibt es nicht (Format JJJJ-MM-TT).', en: 'This date does not exist (format YYYY-MM-DD).' },
  'time.invalid': { de: 'Bitte geben Sie eine Uhrzeit als SS:MM an (bis 24:00).', en: 'Please give a time as HH:MM (up to 24:00).' },
  'window.incomplete': { de: 'Bitte geben Sie Beginn und Ende an.', en: 'Please give both start and end.' },
  'window.date_or_range': { de: 'Bitte entweder einen Tag oder einen Zeitraum angeben, nicht beides.', en: 'Give either a day or a time range, not both.' },
  'window.invalid': { de: 'Das Ende muss nach dem Beginn liegen, und der Zeitraum darf nicht zu lang sein.', en: 'The end must be after the start, and the range must not be too long.' },
  'near.invalid': { de: 'Der Ort muss als „Breite,Länge“ angegeben werden.', en: 'The location must be given as "lat,lon".' },
  'near.postcode_or_near': { de: 'Bitte entweder eine Postleitzahl oder einen Standort angeben.', en: 'Give either a postcode or a location.' },
  'idempotency_key.invalid': { de: 'Der Idempotency-Key muss 8–100 Buchstaben, Ziffern oder -_.: enthalten.', en: 'The Idempotency-Key must be 8–100 letters, digits or -_.:' },
  'booking.range_or_day': { de: 'Bitte entweder Beginn und Ende oder einen ganzen Tag angeben.', en: 'Give either start and end or a whole day.' },
  'resource.required': { de: 'Bitte wählen Sie einen Platz oder Raum.', en: 'Please choose a desk or room.' },
  'reason.required': { de: 'Bitte geben Sie einen Grund an.', en: 'Please give a reason.' },
  'text.too_long': { de: 'Der Text ist zu lang.', en: 'The text is too long.' },
  'rrule.invalid': { de: 'Diese Wiederholung wird nicht unterstützt (wöchentlich, mit Anzahl oder Enddatum, höchstens 52 Termine).', en: 'This recurrence is not supported (weekly, with a count or an end date, at most 52 dates).' },
  'text.required': { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
  'url.https': { de: 'Bitte eine https-Adresse angeben.', en: 'Please give an https address.' },
  'url.invalid': { de: 'Bitte eine http- oder https-Adresse angeben.', en: 'Please give an http or https address.' },
  'secret.too_short': { de: 'Das Geheimnis muss mindestens 16 Zeichen lang sein.', en: 'The secret must be at least 16 characters long.' },
  'resource.parts_only_for_rooms': { de: 'Nur Räume können in Teile geteilt werden.', en: 'Only rooms can be divided into parts.' },
  'rooms.required': { de: 'Bitte nennen Sie mindestens einen Raum.', en: 'Please name at least one room.' },
  'phone.invalid': { de: 'Bitte geben Sie eine Telefonnummer an (Ziffern, Leerzeichen, + / - ( )).', en: 'Please give a phone number (digits, spaces, + / - ( )).' },
  'closure.order': { de: 'Das Ende darf nicht vor dem Beginn liegen.', en: 'The end must not be before the start.' },
  'closure.too_long': { de: 'Eine Schließung darf höchstens zwei Jahre dauern.', en: 'A closure may last at most two years.' },
  'space.invalid_reference': { de: 'Diesen Raum gibt es nicht.', en: 'There is no such space.' },
  'month.invalid': { de: 'Bitte geben Sie einen Monat als JJJJ-MM an.', en: 'Please give a month as YYYY-MM.' },
  'contract.quota_required': { de: 'Ein Vertrag braucht ein Kontingent je Person oder einen Pool.', en: 'A contract needs a quota per person or a pool.' },
  'contract.dates_order': { de: 'Das Vertragsende darf nicht vor dem Beginn liegen.', en: 'The contract must not end before it starts.' },
  'contract.coverage_required': { de: 'Bitte mindestens einen Raum oder Anbieter angeben.', en: 'Please name at least one space or provider.' },
  'contract.invalid_reference': { de: 'Einen der genannten Räume oder Anbieter gibt es nicht.', en: 'One of the spaces or providers does not exist.' },
  'answer.required': { de: 'Bitte beantworten Sie diese Frage.', en: 'Please answer this question.' },
  'answer.unknown_question': { de: 'Diese Frage gibt es nicht (mehr).', en: 'This question does not exist (any more).' },
  'answer.not_an_option': { de: 'Bitte wählen Sie eine der angebotenen Antworten.', en: 'Please choose one of the answers offered.' },
  'answer.not_a_number': { de: 'Bitte geben Sie eine Zahl an.', en: 'Please enter a number.' },
  'answer.out_of_range': { de: 'Die Zahl liegt außerhalb des erlaubten Bereichs.', en: 'The number is outside the allowed range.' },
  'browser_key.invalid': { de: 'Die Browser-Kennung ist ungültig; bitte laden Sie die Seite neu.', en: 'The browser key is invalid; please reload the page.' },
  'key.invalid': { de: 'Schlüssel: Kleinbuchstaben, Ziffern, _ und -, beginnend mit einem Buchstaben.', en: 'Key: lower-case letters, digits, _ and -, starting with a letter.' },
  'options.duplicate_key': { de: 'Jeder Antwortschlüssel darf nur einmal vorkommen.', en: 'Each option key may appear only once.' },
  'options.only_for_choices': { de: 'Antwortmöglichkeiten gibt es genau bei Auswahlfragen.', en: 'Options belong to choice questions, and only to them.' },
  'range.invalid': { de: 'Das Minimum darf nicht größer als das Maximum sein.', en: 'The minimum must not exceed the maximum.' },
  'answers.too_many': { de: 'Zu viele Antworten.', en: 'Too many answers.' },
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
