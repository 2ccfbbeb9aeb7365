import { DateTime, Settings } from 'luxon';
import { luxonLocalizer, type DateLocalizer } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { useI18n } from '../../i18n/i18n';

// Calendars compute their grid with luxon in the default zone: the district's, wherever the
// browser happens to be, so 08:00 in a space is 08:00 on screen.
Settings.defaultZone = 'Europe/Berlin';
export const localizer = luxonLocalizer(DateTime, { firstDayOfWeek: 1 });

/** German order for dates (1. Dezember), whatever the library's English default. */
export const formats = {
  dayRangeHeaderFormat: ({ start, end }: { start: Date; end: Date }, culture?: string, loc?: DateLocalizer) => `${loc!.format(start, 'd. LLLL', culture)} – ${loc!.format(end, 'd. LLLL yyyy', culture)}`,
  dayHeaderFormat: 'cccc, d. LLLL yyyy',
  dayFormat: 'ccc d.',
  timeGutterFormat: 'HH:mm',
};

/** The day headers as plain text: the library's own put role=columnheader outside any row. */
export const DayHeader = ({ label }: { label: string }) => <span>{label}</span>;

/** The toolbar's words and the culture the localizer formats in, for the reader's language. */
export function useCalendarTexts() {
  const { t, locale } = useI18n();
  const messages = { today: t('calendar.today'), previous: t('calendar.previous'), next: t('calendar.next'), week: t('calendar.week'), day: t('calendar.day'), month: t('calendar.month'), agenda: t('calendar.agenda'), date: t('calendar.date'), time: t('calendar.time'), event: t('calendar.event'), noEventsInRange: t('calendar.empty'), showMore: (n: number) => `+${n}` };
  return { messages, culture: locale === 'de' ? 'de' : 'en-GB' };
}
