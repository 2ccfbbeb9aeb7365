import { useMutation, useQuery } from '@tanstack/react-query';
import type { KeyBoard, KeyHandover } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import { Navigate } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { FormAlert } from '../components/FormAlert';
import type { MessageKey } from '../i18n/de';
import { useI18n } from '../i18n/i18n';
import { MembershipOptions } from '../components/Options';

const ZONE = 'Europe/Berlin';
const DAYS = 7;

/** The key board of a municipality or provider: keys overdue, keys out, and per day the keys to hand out. */
export function KeyBoardPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const orgId = useId();
  const fromId = useId();
  const keepers = me.data?.memberships.filter((m) => m.organizationKind === 'municipality' || m.organizationKind === 'provider') ?? [];
  const [chosen, setChosen] = useState<string | undefined>();
  const organization = chosen ?? keepers[0]?.organizationId;
  const [from, setFrom] = useState(() => DateTime.now().setZone(ZONE).toISODate()!);
  const range = { from: DateTime.fromISO(from, { zone: ZONE }).toISO()!, to: DateTime.fromISO(from, { zone: ZONE }).plus({ days: DAYS }).toISO()! };
  const board = useQuery({
    queryKey: ['key-board', organization, from],
    queryFn: () => api<KeyBoard>(`/api/organizations/${organization}/keys?${new URLSearchParams(range).toString()}`),
    enabled: !!organization,
  });
  const step = useMutation({
    mutationFn: ({ id, to }: { id: string; to: 'key-out' | 'key-back' }) => api<KeyHandover>(`/api/bookings/${id}/${to}`, { method: 'POST', body: {} }),
    onSettled: () => board.refetch(),
  });
  if (me.isPending) return <p>{t('search.loading')}</p>;
  if (!me.data) return <Navigate to="/anmelden?weiter=/schluessel" replace />;
  if (!keepers.length) return <p>{t('keys.none')}</p>;

  const items = board.data?.items ?? [];
  const overdue = items.filter((i) => i.state === 'overdue');
  const out = items.filter((i) => i.state === 'out');
  const toHandOut = items.filter((i) => i.state === 'to_hand_out' || i.state === 'returned');
  const days = [...new Set(toHandOut.map((i) => i.start.slice(0, 10)))].sort();
  return (
    <section className="key-board">
      <h1>{t('keys.title')}</h1>
      <div className="filters">
        {keepers.length > 1 && (
          <div className="field">
            <label htmlFor={orgId}>{t('keys.organization')}</label>
            <select id={orgId} value={organization} onChange={(e) => setChosen(e.target.value)}>
              <MembershipOptions memberships={keepers} />
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={fromId}>{t('keys.from')}</label>
          <input id={fromId} type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </div>
      </div>
      <FormAlert error={board.error ?? step.error} />
      <KeyList title={t('keys.overdue')} items={overdue} onStep={step.mutate} busy={step.isPending} />
      <KeyList title={t('keys.out')} items={out} onStep={step.mutate} busy={step.isPending} />
      {board.isSuccess && days.length === 0 && <p>{t('keys.empty')}</p>}
      {days.map((day) => (
        <KeyList
          key={day}
          title={t('keys.day', { day: DateTime.fromISO(day).setLocale(locale === 'de' ? 'de-DE' : 'en-GB').toFormat('cccc, d. LLLL') })}
          items={toHandOut.filter((i) => i.start.startsWith(day))}
          onStep={step.mutate}
          busy={step.isPending}
        />
      ))}
    </section>
  );
}

function KeyList({ title, items, onStep, busy }: { title: string; items: KeyHandover[]; onStep: (step: { id: string; to: 'key-out' | 'key-back' }) => void; busy: boolean }) {
  const { t, dateTime } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {items.length === 0 ? (
        <p className="hint">{t('keys.emptyList')}</p>
      ) : (
        <ul className="booking-list">
          {items.map((item) => {
            const who = item.organizationName ?? item.booker?.name ?? '';
            return (
              <li key={item.bookingId} className="booking" data-testid="key-handover">
                <strong>{item.space.name}</strong> · {item.resourceName} · <span className={`badge status-${item.state}`}>{t(`keys.state.${item.state}` as MessageKey)}</span>
                <br />
                {dateTime(item.start)} – {dateTime(item.end)}
                {item.booker && <> · {item.booker.name}</>}
                {item.organizationName && <> · {item.organizationName}</>}
                <br />
                <span className="hint">
                  {t('keys.pickupFrom', { date: dateTime(item.pickupFrom) })} · {t('keys.returnBy', { date: dateTime(item.returnBy) })}
                  {item.keyPlace && <> · {item.keyPlace}</>}
                </span>
                {item.outAt && (
                  <>
                    <br />
                    <span className="hint">{t('keys.outBy', { date: dateTime(item.outAt), name: item.outBy ?? '' })}</span>
                  </>
                )}
                {item.backAt && (
                  <>
                    <br />
                    <span className="hint">{t('keys.backBy', { date: dateTime(item.backAt), name: item.backBy ?? '' })}</span>
                  </>
                )}
                <div className="actions">
                  {item.state === 'to_hand_out' && (
                    <button type="button" className="button" disabled={busy} aria-label={`${t('keys.markOut')}: ${who}, ${dateTime(item.start)}`} onClick={() => onStep({ id: item.bookingId, to: 'key-out' })}>
                      {t('keys.markOut')}
                    </button>
                  )}
                  {(item.state === 'out' || item.state === 'overdue') && (
                    <button type="button" className="button" disabled={busy} aria-label={`${t('keys.markBack')}: ${who}, ${dateTime(item.start)}`} onClick={() => onStep({ id: item.bookingId, to: 'key-back' })}>
                      {t('keys.markBack')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
