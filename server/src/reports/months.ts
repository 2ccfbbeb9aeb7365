import { DateTime } from 'luxon';

const ZONE = 'Europe/Berlin';

/** A calendar month in the district's zone: its first day, the first day after it, and the instants. */
export function monthBounds(month: string) {
  const start = DateTime.fromISO(`${month}-01`, { zone: ZONE });
  const end = start.plus({ months: 1 });
  return { firstDay: start.toISODate()!, dayAfter: end.toISODate()!, from: start.toISO()!, to: end.toISO()! };
}
