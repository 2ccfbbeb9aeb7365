import { useMutation } from '@tanstack/react-query';
import type { Availability, Booking, SpaceDetail } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { useMe } from '../api/session';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';
import { ContractChoice } from './ContractChoice';
import { FormAlert, Notice } from './FormAlert';
import { SlotTaken } from './SlotTaken';

const ANY = '';

type Sent = { start?: string; end?: string; date?: string; resourceId?: string };

/** What the taken request asked for as a time range: a whole day is that day's opening hours. */
function askedWindow(space: SpaceDetail, sent: Sent | undefined): { start: string; end: string; resourceId?: string } | undefined {
  if (!sent) return undefined;
  const target = sent.resourceId ? { resourceId: sent.resourceId } : {};
  if (sent.start && sent.end) return { start: sent.start, end: sent.end, ...target };
  if (!sent.date) return undefined;
  const day = DateTime.fromISO(sent.date, { zone: space.zone });
  const hours = space.openingHours.filter((h) => h.weekday === day.weekday);
  if (!hours.length) return undefined;
  const at = (clock: string) => (clock === '24:00' ? day.plus({ days: 1 }) : day.set({ hour: Number(clock.slice(0, 2)), minute: Number(clock.slice(3, 5)) }));
  const opens = hours.map((h) => h.opens).sort()[0]!;
  const closes = hours.map((h) => h.closes).sort().at(-1)!;
  return { start: at(opens).toISO({ suppressMilliseconds: true })!, end: at(closes).toISO({ suppressMilliseconds: true })!, ...target };
}

/** Pick a desk or room, a whole day or a time range from the free slots, and book it. */
export function BookingForm({ space, availability, day, picked, onBooked, onPickDay }: { space: SpaceDetail; availability: Availability; day: string; picked?: { start: string; end: string }; onBooked(): void; onPickDay(day: string): void }) {
  const { t } = useI18n();
  const me = useMe();
  const ids = { resource: useId(), from: useId(), to: useId(), whole: useId() };
  const isCoworking = space.kind === 'coworking';
  const bookable = space.resources.filter((r) => r.active && (isCoworking ? r.kind === 'desk' : true));
  const [resourceId, setResourceId] = useState(isCoworking || bookable.length !== 1 ? ANY : bookable[0]!.id);
  const [wholeDay, setWholeDay] = useState(isCoworking);
  const free = useMemo(() => {
    if (resourceId === ANY) return availability.slots.filter((slot) => (isCoworking ? slot.freeDesks : slot.freeUnits) > 0);
    const spans = availability.resources.find((r) => r.resourceId === resourceId)?.free ?? [];
    return availability.slots.filter((slot) => spans.some((span) => span.start <= slot.start && slot.end <= span.end));
  }, [availability, resourceId, isCoworking]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [contractId, setContractId] = useState('');
  // The length last asked for: alternatives keep it even after the taken time is cleared below.
  const [askedMinutes, setAskedMinutes] = useState(space.rules.minDurationMinutes);
  // A range dragged in the week calendar becomes the form's choice.
  useEffect(() => {
    if (!picked) return;
    setWholeDay(false);
    setStart(picked.start);
    setEnd(picked.end);
  }, [picked]);
  // A chosen time that someone else took meanwhile must not stay chosen while the list shows another.
  useEffect(() => {
    if (start && !free.some((slot) => slot.start === start)) {
      setStart('');
      setEnd('');
    }
  }, [free, start]);
  const local = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toFormat('HH:mm');
  const book = useMutation({
    mutationFn: (body: object) => api<Booking>('/api/bookings', { method: 'POST', body, headers: { 'Idempotency-Key': crypto.randomUUID() } }),
    onSuccess: onBooked,
    onError: onBooked,
  });

  if (!me.data) {
    return (
      <p>
        <Link to={`/anmelden?weiter=${encodeURIComponent(`/raeume/${space.slug}`)}`}>{t('space.signInToBook')}</Link>
      </p>
    );
  }
  const wanted = { start: start || free[0]?.start, end: end || free[0]?.end };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (wanted.start && wanted.end) setAskedMinutes(DateTime.fromISO(wanted.end).diff(DateTime.fromISO(wanted.start), 'minutes').minutes);
    const target = { ...(resourceId === ANY ? {} : { resourceId }), ...(contractId ? { contractId } : {}) };
    book.mutate(wholeDay ? { spaceId: space.id, ...target, date: day } : { spaceId: space.id, ...target, ...wanted });
  };
  const taken = book.error instanceof ApiError && book.error.code === 'booking_conflict';
  const asked = taken ? askedWindow(space, book.variables as Sent | undefined) : undefined;
  return (
    <form onSubmit={submit} className="booking-form">
      <div className="field">
        <label htmlFor={ids.resource}>{t('space.resource')}</label>
        <select id={ids.resource} value={resourceId} onChange={(e) => setResourceId(e.target.value)}>
          {(isCoworking || bookable.length !== 1) && <option value={ANY}>{t('space.anyDesk')}</option>}
          {bookable.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {isCoworking && (
        <div className="field checkbox">
          <input id={ids.whole} type="checkbox" checked={wholeDay} onChange={(e) => setWholeDay(e.target.checked)} />
          <label htmlFor={ids.whole}>{t('space.wholeDay')}</label>
        </div>
      )}
      {!wholeDay && (
        <div className="time-range">
          <div className="field">
            <label htmlFor={ids.from}>{t('space.from')}</label>
            <select id={ids.from} value={start} onChange={(e) => setStart(e.target.value)}>
              {free.map((slot) => (
                <option key={slot.start} value={slot.start}>
                  {local(slot.start)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('space.to')}</label>
            <select id={ids.to} value={end} onChange={(e) => setEnd(e.target.value)}>
              {free.filter((slot) => slot.start >= (start || free[0]?.start || '')).map((slot) => (
                <option key={slot.end} value={slot.end}>
                  {local(slot.end)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <ContractChoice spaceId={space.id} contractId={contractId} onChange={setContractId} />
      {space.approval === 'required' && <p className="hint">{t('space.requestHint')}</p>}
      <button type="submit" className="button" disabled={book.isPending || (!wholeDay && free.length === 0)}>
        {space.approval === 'required' ? t('space.request') : t('space.book')}
      </button>
      <FormAlert error={book.error} />
      {taken && (
        <SlotTaken
          spaceId={space.id}
          day={day}
          zone={space.zone}
          wholeDay={wholeDay}
          free={free}
          minutes={askedMinutes}
          {...(asked ? { asked } : {})}
          onPickTime={(slot) => {
            setStart(slot.start);
            setEnd(slot.end);
            book.reset();
          }}
          onPickDay={(next) => {
            book.reset();
            onPickDay(next);
          }}
        />
      )}
      {book.data && <Notice>{t('space.booked', { status: t(`status.${book.data.status}` as MessageKey) })}</Notice>}
    </form>
  );
}
