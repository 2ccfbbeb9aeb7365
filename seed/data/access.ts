import type { AccessMode } from '@landraeume/shared';

export interface SeedAccess {
  mode: AccessMode;
  instructions?: string;
  /** Where the key is fetched and returned, with the office's hours where it matters. */
  keyPlace?: string;
  keyPickupHoursBefore?: number;
  keyReturnHoursAfter?: number;
  codeLeadMinutes?: number;
}

/**
 * How one gets into the village halls and parish rooms nobody staffs in the evening: most hand
 * out a key at the town hall or the parish office, one hall has a keypad, one youth room a smart
 * lock. Keyed by space slug; every other space is staffed.
 */
export const SPACE_ACCESS: Record<string, SeedAccess> = {
  'billerbeck-heimathaus-vereinsraum': {
    mode: 'key_handover',
    keyPlace: 'Rathaus Billerbeck, Bürgerbüro, Markt 1 (Mo–Fr 8:00–12:30 Uhr, Do auch 14:00–18:00 Uhr); Rückgabe auch in den Briefkasten am Rathaus',
    keyPickupHoursBefore: 48,
    keyReturnHoursAfter: 24,
    instructions: 'Eingang Kirchstraße 12. Der Lichtschalter ist links hinter der Tür; bitte beim Gehen Kachelofenklappe schließen und abschließen.',
  },
  'duelmen-overbergschule-musikraum': {
    mode: 'key_handover',
    keyPlace: 'Hausmeister der Overbergschule, Overbergstraße 8, Klingel „Hausmeister“',
    keyPickupHoursBefore: 1,
    keyReturnHoursAfter: 1,
    instructions: 'Musikraum im Erdgeschoss, Eingang über den Schulhof. Das Klavier bitte nach der Probe wieder abdecken.',
  },
  'duelmen-pfarrheim-st-viktor': {
    mode: 'key_handover',
    keyPlace: 'Pfarrbüro St. Viktor, Kirchplatz 10, Dülmen (Di–Fr 9:00–12:00 Uhr)',
    keyPickupHoursBefore: 72,
    keyReturnHoursAfter: 48,
    instructions: 'Saal im Obergeschoss, Aufzug neben dem Eingang. Die Küche bitte gereinigt übergeben.',
  },
  'olfen-heimathaus-vereinsraum': {
    mode: 'key_handover',
    keyPlace: 'Rathaus Olfen, Bürgerbüro, Kirchstraße 5',
    keyPickupHoursBefore: 24,
    keyReturnHoursAfter: 24,
  },
  'nordkirchen-jugendtreff-werkstatt': {
    mode: 'key_handover',
    keyPlace: 'Rathaus Nordkirchen, Bürgerbüro, Bohlenstraße 2',
    keyPickupHoursBefore: 24,
    keyReturnHoursAfter: 24,
  },
  'holtwick-dorfgemeinschaftshaus': {
    mode: 'keypad',
    codeLeadMinutes: 30,
    instructions: 'Tastenfeld rechts neben dem Haupteingang: Code eingeben und mit # bestätigen. Beim Gehen Licht aus und Tür zuziehen.',
  },
  'osterwick-jugendraum': {
    mode: 'smart_lock',
    codeLeadMinutes: 15,
    instructions: 'Elektronisches Schloss an der Seitentür (Hauptstraße 1): Code am Tastenfeld eingeben, die Tür öffnet für fünf Sekunden.',
  },
};
