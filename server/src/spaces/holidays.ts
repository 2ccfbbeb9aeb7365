import { getHolidays } from 'feiertagejs';

export interface PublicHoliday {
  date: string;
  name: string;
}

const byYear = new Map<number, PublicHoliday[]>();

/** A year's holidays never change; availability and search ask for them on every request. */
function holidaysOf(year: number): PublicHoliday[] {
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = getHolidays(year, 'NW').map((holiday) => ({ date: holiday.dateString, name: holiday.translate('de') ?? holiday.name }));
    byYear.set(year, holidays);
  }
  return holidays;
}

/** The public holidays of North Rhine-Westphalia between two local dates (inclusive), from a maintained library. */
export function nrwHolidays(fromDate: string, toDate: string): PublicHoliday[] {
  const first = Number(fromDate.slice(0, 4));
  const last = Number(toDate.slice(0, 4));
  const holidays: PublicHoliday[] = [];
  for (let year = first; year <= last; year++) {
    holidays.push(...holidaysOf(year).filter((holiday) => holiday.date >= fromDate && holiday.date <= toDate));
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** The dates a space stays shut for public holidays within local days: none when it opens on holidays. */
export function closedHolidayDates(closesOnHolidays: boolean, days: { firstDay: string; lastDay: string }): string[] {
  return closesOnHolidays ? nrwHolidays(days.firstDay, days.lastDay).map((h) => h.date) : [];
}
