import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Availability, SpaceDetail } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { lazy, Suspense, useId, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { loadPendingChoice } from '../booking/pending-choice';
import { BookingForm } from '../components/BookingForm';
import { FormAlert } from '../components/FormAlert';
import { Closures } from '../components/Closures';
import { OpeningHours } from '../components/OpeningHours';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';

// react-big-calendar is heavy; the page and the form work before it arrives.
const WeekCalendar = lazy(() => import('../components/calendar/WeekCalendar'));

export function SpacePage() {
  const { slug = '' } = useParams();
  const { t, money } = useI18n();
  const dayId = useId();
  const queryClient = useQueryClient();
  const space = useQuery({ queryKey: ['space', slug], queryFn: () => api<SpaceDetail>(`/api/spaces/${encodeURIComponent(slug)}`) });
  const zone = space.data?.zone ?? 'Europe/Berlin';
  // Back from confirming a new account, the day chosen before comes back with the rest of the choice.
  const [day, setDay] = useState(() => {
    const tomorrow = DateTime.now().setZone('Europe/Berlin').plus({ days: 1 }).toISODate()!;
    const saved = loadPendingChoice(slug)?.day;
    return saved && saved >= tomorrow ? saved : tomorrow;
  });
  const [picked, setPicked] = useState<{ start: string; end: string } | undefined>();
  const from = DateTime.fromISO(day, { zone });
  const range = `from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ days: 1 }).toISO()!)}`;
  const availability = useQuery({
    queryKey: ['availability', space.data?.id, day],
    queryFn: () => api<Availability>(`/api/spaces/${space.data!.id}/availability?${range}`),
    enabled: !!space.data,
  });

  if (space.isPending) return <p>{t('search.loading')}</p>;
  if (space.error || !space.data) return <FormAlert error={space.error} />;
  const s = space.data;
  const dayInfo = availability.data?.days[0];
  return (
    <article className="space-page">
      <h1>{s.name}</h1>
      <p className="card-meta">
        {t(`kind.${s.kind}` as MessageKey)} · {s.address.street}, {s.address.postcode} {s.address.town} · {s.provider.name}
      </p>
      {s.photos.map((photo) => (
        <img key={photo} src={photo} alt={t('space.photo', { name: s.name })} className="space-photo" />
      ))}
      <p>{s.description}</p>
      <ul className="facts">
        <li>{s.kind === 'coworking' ? t('space.desks', { count: s.deskCount }) : t('space.capacity', { count: s.capacity })}</li>
        {s.prices.perHourCents !== null && <li>{t('space.perHour', { price: money(s.prices.perHourCents) })}</li>}
        {s.prices.perDayCents !== null && <li>{t('space.perDay', { price: money(s.prices.perDayCents) })}</li>}
        {s.prices.perHourCents === null && s.prices.perDayCents === null && <li>{t('space.free')}</li>}
        {s.prices.clubPerHourCents !== null && <li>{s.prices.clubPerHourCents === 0 ? t('space.clubFree') : t('space.clubPerHour', { price: money(s.prices.clubPerHourCents) })}</li>}
        <li>{s.approval === 'required' ? t('space.approval') : t('space.instant')}</li>
        <li>{t(`access.mode.${s.accessMode}` as MessageKey)}</li>
      </ul>
      {s.amenities.length > 0 && (
        <section>
          <h2>{t('space.amenities')}</h2>
          <ul className="amenities">
            {s.amenities.map((amenity) => (
              <li key={amenity}>{t(`amenity.${amenity}` as MessageKey)}</li>
            ))}
          </ul>
        </section>
      )}
      <OpeningHours hours={s.openingHours} />
      <Closures space={s} />
      {s.houseRules && (
        <section>
          <h2>{t('space.rules')}</h2>
          <p>{s.houseRules}</p>
        </section>
      )}
      <Suspense fallback={<p>{t('search.loading')}</p>}>
        <WeekCalendar
          space={s}
          day={day}
          onPick={(range) => {
            setDay(range.day);
            setPicked({ start: range.start, end: range.end });
          }}
        />
      </Suspense>
      <section aria-labelledby="availability-heading">
        <h2 id="availability-heading">{t('space.availability')}</h2>
        <div className="field">
          <label htmlFor={dayId}>{t('space.day')}</label>
          <input id={dayId} type="date" value={day} min={DateTime.now().setZone(zone).toISODate()!} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </div>
        <FormAlert error={availability.error} />
        {dayInfo && !dayInfo.open && <p>{t('space.closed')}</p>}
        {availability.data && dayInfo?.open && <BookingForm space={s} availability={availability.data} day={day} picked={picked} onBooked={() => {
              void availability.refetch();
              void queryClient.invalidateQueries({ queryKey: ['availability-week', s.id] });
            }} onPickDay={setDay} />}
      </section>
    </article>
  );
}
