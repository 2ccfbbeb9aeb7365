import { useMutation } from '@tanstack/react-query';
import type { Availability, Booking, Me, SpaceDetail } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useMe, useRefreshSession } from '../api/session';
import { clearPendingChoice, loadPendingChoice, savePendingChoice } from '../booking/pending-choice';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';
import { ContractChoice } from './ContractChoice';
import { FormAlert, Notice } from './FormAlert';
import { InlineAuthDialog } from './InlineAuthDialog';
import { SeriesRequest } from './series/SeriesRequest';
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
  const refresh = useRefreshSession();
  const ids = { resource: useId(), from: useId(), to: useId(), whole: useId(), purpose: useId() };
  const isCoworking = space.kind === 'coworking';
  const bookable = space.resources.filter((r) => r.active && (isCoworking ? r.kind === 'desk' : true));
  // A choice saved before signing up comes back when its owner returns to this space and day.
  const [restored] = useState(() => {
    const saved = loadPendingChoice(space.slug);
    return saved?.day === day ? saved : undefined;
  });
  const [resourceId, setResourceId] = useState(restored?.resourceId ?? (isCoworking || bookable.length !== 1 ? ANY : bookable[0]!.id));
  const [wholeDay, setWholeDay] = useState(restored?.wholeDay ?? isCoworking);
  const [purpose, setPurpose] = useState(restored?.purpose ?? '');
  const free = useMemo(() => {
    if (resourceId === ANY) return availability.slots.filter((slot) => (isCoworking ? slot.freeDesks : slot.freeUnits) > 0);
    const spans = availability.resources.find((r) => r.resourceId === resourceId)?.free ?? [];
    return availability.slots.filter((slot) => spans.some((span) => span.start <= slot.start && slot.end <= span.end));
  }, [availability, resourceId, isCoworking]);
  const [start, setStart] = useState(restored?.start ?? '');
  const [end, setEnd] = useState(restored?.end ?? '');
  const [signingIn, setSigningIn] = useState(false);
  const [unverified, setUnverified] = useState(false);
  const pendingBody = useRef<object>(undefined);
  const submitButton = useRef<HTMLButtonElement>(null);
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
    onSuccess: () => {
      clearPendingChoice();
      onBooked();
    },
    onError: onBooked,
  });

  // Unchosen, the times are what the lists show: the first free start, and the end of its slot.
  const wantedStart = start || free[0]?.start;
  const wanted = { start: wantedStart, end: end && wantedStart && end > wantedStart ? end : free.find((slot) => slot.start === wantedStart)?.end };
  const choiceText = wholeDay || !wanted.start || !wanted.end ? day : `${day}, ${local(wanted.start)}–${local(wanted.end)}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (wanted.start && wanted.end) setAskedMinutes(DateTime.fromISO(wanted.end).diff(DateTime.fromISO(wanted.start), 'minutes').minutes);
    const target = { ...(resourceId === ANY ? {} : { resourceId }), ...(contractId ? { contractId } : {}), ...(purpose.trim() ? { purpose: purpose.trim() } : {}) };
    const body = wholeDay ? { spaceId: space.id, ...target, date: day } : { spaceId: space.id, ...target, ...wanted };
    if (me.data?.emailVerified) {
      book.mutate(body);
      return;
    }
    pendingBody.current = body;
    savePendingChoice({ slug: space.slug, spaceName: space.name, day, resourceId, wholeDay, start: wanted.start ?? '', end: wanted.end ?? '', purpose });
    if (me.data) setUnverified(true);
    else setSigningIn(true);
  };
  const signedIn = async (account: Me, registered: boolean) => {
    await refresh();
    if (registered) return;
    setSigningIn(false);
    // The dialog is gone: focus returns to where the person was, the booking button.
    submitButton.current?.focus();
    if (!account.emailVerified) setUnverified(true);
    else if (pendingBody.current) book.mutate(pendingBody.current);
  };
  const taken = book.error instanceof ApiError && book.error.code === 'booking_conflict';
  const asked = taken ? askedWindow(space, book.variables as Sent | undefined) : undefined;
  return (
    <>
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
      {!isCoworking && (
        <div className="field">
          <label htmlFor={ids.purpose}>{t('space.purpose')}</label>
          <input id={ids.purpose} value={purpose} maxLength={500} onChange={(e) => setPurpose(e.target.value)} />
        </div>
      )}
      {me.data && <ContractChoice spaceId={space.id} contractId={contractId} onChange={setContractId} />}
      {restored && !book.data && <p className="hint">{t('auth.restored')}</p>}
      {space.approval === 'required' && <p className="hint">{t('space.requestHint')}</p>}
      <button ref={submitButton} type="submit" className="button" disabled={book.isPending || (!wholeDay && free.length === 0)}>
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
      {unverified && <p role="alert" className="alert alert-error">{t('auth.unverified')}</p>}
      {book.data && <Notice>{t('space.booked', { status: t(`status.${book.data.status}` as MessageKey) })}</Notice>}
    </form>
    {/* Outside the booking form: their own forms must not submit it. */}
    {(!me.data || signingIn) && <InlineAuthDialog open={signingIn} choice={choiceText} onClose={() => setSigningIn(false)} onSignedIn={signedIn} />}
    {me.data && !wholeDay && <SeriesRequest space={space} me={me.data} resourceId={resourceId === ANY ? undefined : resourceId} slot={wanted.start && wanted.end ? { start: wanted.start, end: wanted.end } : undefined} purpose={purpose} />}
    </>
  );
}
