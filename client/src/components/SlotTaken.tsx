import { useQuery } from '@tanstack/react-query';
import type { Availability } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ALTERNATIVES, freeWindows, type Slot } from './free-windows';
import { WaitlistJoin } from './WaitlistJoin';

const DAYS_AHEAD = 14;

/**
 * Someone else was quicker. Instead of a dead end, the booker gets what is still free: the same
 * length later that day, or for a whole desk day the next days with a free desk.
 */
export function SlotTaken(props: {
  spaceId: string;
  day: string;
  zone: string;
  wholeDay: boolean;
  free: Slot[];
  minutes: number;
  /** The time that was asked for and taken, to wait for; absent when it cannot be named. */
  asked?: { start: string; end: string; resourceId?: string };
  onPickTime(slot: Slot): void;
  onPickDay(day: string): void;
}) {
  const { t, locale } = useI18n();
  const from = DateTime.fromISO(props.day, { zone: props.zone }).plus({ days: 1 });
  const later = useQuery({
    queryKey: ['availability-ahead', props.spaceId, props.day],
    queryFn: () => api<Availability>(`/api/spaces/${props.spaceId}/availability?from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ days: DAYS_AHEAD }).toISO()!)}`),
    enabled: props.wholeDay,
  });
  const hhmm = (iso: string) => DateTime.fromISO(iso, { zone: props.zone }).toFormat('HH:mm');
  if (props.wholeDay) {
    const days = (later.data?.days ?? []).filter((d) => d.open && d.wholeDayFree > 0).slice(0, ALTERNATIVES);
    return (
      <div className="alternatives" role="region" aria-label={t('taken.title')}>
        <p>{days.length ? t('taken.otherDays') : later.isPending ? t('search.loading') : t('taken.none')}</p>
        <ul>
          {days.map((d) => (
            <li key={d.date}>
              <button type="button" className="link-button" onClick={() => props.onPickDay(d.date)}>
                {DateTime.fromISO(d.date).setLocale(locale === 'de' ? 'de-DE' : 'en-GB').toFormat('cccc, d. LLLL')}
              </button>
            </li>
          ))}
        </ul>
        {props.asked && <WaitlistJoin spaceId={props.spaceId} asked={props.asked} />}
      </div>
    );
  }
  const windows = freeWindows(props.free, props.minutes, props.zone);
  return (
    <div className="alternatives" role="region" aria-label={t('taken.title')}>
      <p>{windows.length ? t('taken.sameDay') : t('taken.none')}</p>
      <ul>
        {windows.map((w) => (
          <li key={w.start}>
            <button type="button" className="link-button" onClick={() => props.onPickTime(w)}>
              {hhmm(w.start)}–{hhmm(w.end)}
            </button>
          </li>
        ))}
      </ul>
      {props.asked && <WaitlistJoin spaceId={props.spaceId} asked={props.asked} />}
    </div>
  );
}
