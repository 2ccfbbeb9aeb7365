import { getHolidays } from 'feiertagejs';
import { DateTime } from 'luxon';

export interface PublicHoliday {
  date: string;
  name: string;
}

/** The public holidays of North Rhine-Westphalia between two local dates (inclusive), from a maintained library. */
export function nrwHolidays(fromDate: string, toDate: string): PublicHoliday[] {
  const first = DateTime.fromISO(fromDate).year;
  const last = DateTime.fromISO(toDate).year;
  const holidays: PublicHoliday[] = [];
  for (let year = first; year <= last; year++) {
    for (const holiday of getHolidays(year, 'NW')) {
      if (holiday.dateString >= fromDate && holiday.dateString <= toDate) holidays.push({ date: holiday.dateString, name: holiday.translate('de') ?? holiday.name });
    }
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}
