import { useQuery } from '@tanstack/react-query';
import type { Availability, SpaceDetail } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { useEffect, useMemo } from 'react';
import { Calendar } from 'react-big-calendar';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { FormAlert } from '../FormAlert';
import { calendarEvents, pickedRange, type CalendarEvent } from './calendar-events';
import { useWeekView } from './calendar-setup';

/**
 * The space's week at a glance: free time shaded, what is taken on top, closed days marked.
 * Dragging over free time picks that range for the booking form below; the form stays the way
 * to book by keyboard.
 */
export default function WeekCalendar({ space, day, onPick }: { space: SpaceDetail; day: string; onPick(range: { start: string; end: string; day: string }): void }) {
  const { t } = useI18n();
  const { shown, setShown, props } = useWeekView(space.zone, () => DateTime.fromISO(day, { zone: space.zone }).toJSDate());
  // The day picked in the form brings its week into view.
  useEffect(() => setShown(DateTime.fromISO(day, { zone: space.zone }).toJSDate()), [day, space.zone]);
  const weekStart = DateTime.fromJSDate(shown).setZone(space.zone).startOf('week');
  const availability = useQuery({
    queryKey: ['availability-week', space.id, weekStart.toISODate()],
    queryFn: () => api<Availability>(`/api/spaces/${space.id}/availability?from=${encodeURIComponent(weekStart.toISO()!)}&to=${encodeURIComponent(weekStart.plus({ weeks: 1 }).toISO()!)}`),
  });
  const { events, background } = useMemo(
    () =>
      availability.data
        ? calendarEvents(availability.data, space.resources, space.kind === 'coworking', { busy: (name) => t('calendar.busy', { name }), full: t('calendar.full'), closed: t('calendar.closed'), free: t('calendar.free') })
        : { events: [], background: [] },
    [availability.data, space, t],
  );
  return (
    <section aria-labelledby="calendar-heading" className="week-calendar">
      <h2 id="calendar-heading">{t('calendar.title')}</h2>
      <p className="hint">{t('calendar.hint')}</p>
      <FormAlert error={availability.error} />
      <div className="calendar-frame">
        <Calendar<CalendarEvent>
          {...props}
          events={events}
          backgroundEvents={background}
          step={space.rules.slotMinutes}
          timeslots={60 / space.rules.slotMinutes}
          selectable
          onSelectSlot={(slot) => onPick(pickedRange(slot.start as Date, slot.end as Date, space.zone))}
          eventPropGetter={(event) => ({ className: `calendar-${event.kind}` })}
          style={{ height: 560 }}
        />
      </div>
    </section>
  );
}
