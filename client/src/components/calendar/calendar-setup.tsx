import { DateTime, Settings } from 'luxon';
import { useState } from 'react';
import { luxonLocalizer, Views, type DateLocalizer, type View } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { useI18n } from '../../i18n/i18n';
import { SHOWN_HOURS } from './calendar-events';

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

/**
 * What every week/day calendar of a space shares: localizer and the reader's words, week and day
 * views, the shown date, and the hours shown in the space's zone; spread `props` onto <Calendar>.
 */
export function useWeekView(zone: string, initial: () => Date) {
  const { messages, culture } = useCalendarTexts();
  const [view, setView] = useState<View>(Views.WEEK);
  const [shown, setShown] = useState(initial);
  const at = (hour: number) => DateTime.fromJSDate(shown).setZone(zone).set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  return {
    shown,
    setShown,
    props: {
      localizer,
      culture,
      messages,
      formats,
      view,
      views: [Views.WEEK, Views.DAY],
      onView: setView,
      date: shown,
      onNavigate: setShown,
      min: at(SHOWN_HOURS.from),
      max: at(SHOWN_HOURS.to),
      components: { header: DayHeader },
    },
  };
}
