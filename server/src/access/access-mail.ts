import type { AccessMode, Locale } from '@landraeume/shared';
import { DateTime } from 'luxon';

/** The space's access columns a booking mail selects (`q` is the booking, `s` its space). */
export const ACCESS_COLUMNS = `s.access_instructions, s.access_mode, s.key_place,
  q.starts_at - make_interval(hours => s.key_pickup_hours_before) AS key_pickup_from,
  q.ends_at + make_interval(hours => s.key_return_hours_after) AS key_return_by,
  q.starts_at - make_interval(mins => s.code_lead_minutes) AS code_shown_from`;

export interface AccessColumns {
  access_instructions: string;
  access_mode: AccessMode;
  key_place: string;
  key_pickup_from: Date;
  key_return_by: Date;
  code_shown_from: Date;
}

/**
 * How to get in, for mails to the confirmed booker: the instructions, where and when the key is
 * fetched and returned, or from when the door code is shown. The code itself never goes into a
 * mail: mails are forwarded and kept, the code is for the booking's time only.
 */
export function accessParagraphs(row: AccessColumns, zone: string, locale: Locale): string[] {
  const de = locale === 'de';
  const at = (d: Date) => DateTime.fromJSDate(d).setZone(zone).setLocale(de ? 'de-DE' : 'en-GB').toFormat(de ? "d. LLLL, HH:mm 'Uhr'" : 'd LLLL, HH:mm');
  const lines = row.access_instructions ? [`${de ? 'Zugang' : 'Access'}: ${row.access_instructions}`] : [];
  if (row.access_mode === 'key_handover') {
    const place = row.key_place ? (de ? ` bei: ${row.key_place}` : ` at: ${row.key_place}`) : '';
    lines.push(
      de
        ? `Schlüssel: abholen ab ${at(row.key_pickup_from)}${place}; zurückgeben bis ${at(row.key_return_by)}.`
        : `Key: collect from ${at(row.key_pickup_from)}${place}; return by ${at(row.key_return_by)}.`,
    );
  }
  if (row.access_mode === 'keypad' || row.access_mode === 'smart_lock') {
    lines.push(
      de
        ? `Zugangscode: Ihr persönlicher Code erscheint ab ${at(row.code_shown_from)} unter „Meine Buchungen“.`
        : `Door code: your personal code is shown under "My bookings" from ${at(row.code_shown_from)}.`,
    );
  }
  return lines;
}
