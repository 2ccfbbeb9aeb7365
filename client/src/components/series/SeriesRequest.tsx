import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SERIES_MAX_OCCURRENCES, type Me, type Occurrence, type SeriesCreated, type SpaceDetail } from '@landraeume/shared';
import { DateTime } from 'luxon';
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { FormAlert, Notice } from '../FormAlert';
import { weeklyRule } from './series-rule';

/**
 * "Book regularly" for clubs: the weekday and time come from the slot chosen above; the preview
 * shows every date with its state before anything is sent.
 */
export function SeriesRequest({ space, me, resourceId, slot, purpose }: { space: SpaceDetail; me: Me; resourceId: string | undefined; slot: { start: string; end: string } | undefined; purpose: string }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const id = useId();
  const clubs = me.memberships.filter((m) => m.organizationKind === 'club');
  const [every, setEvery] = useState(1);
  const [endBy, setEndBy] = useState<'count' | 'until'>('count');
  const [count, setCount] = useState(10);
  const [until, setUntil] = useState('');
  const [exclude, setExclude] = useState('');
  const [exdates, setExdates] = useState<string[]>([]);
  const [organizationId, setOrganizationId] = useState(clubs[0]?.organizationId ?? '');
  const [onConflict, setOnConflict] = useState<'fail' | 'skip'>('fail');
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  const at = (iso: string, format: string) => DateTime.fromISO(iso, { zone: space.zone }).setLocale(tag).toFormat(format);

  const body = slot && {
    spaceId: space.id,
    ...(resourceId ? { resourceId } : {}),
    start: slot.start,
    end: slot.end,
    rrule: weeklyRule(every, endBy === 'until' && until ? { until } : { count }),
    exdates,
    ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
    ...(organizationId ? { organizationId } : {}),
  };
  const asked = JSON.stringify(body);
  const preview = useMutation({ mutationFn: (input: object) => api<{ occurrences: Occurrence[] }>('/api/series/preview', { method: 'POST', body: input }) });
  const create = useMutation({
    mutationFn: (input: object) => api<SeriesCreated>('/api/series', { method: 'POST', body: input }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['availability'] });
      void queryClient.invalidateQueries({ queryKey: ['availability-week', space.id] });
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
    },
  });
  const [previewed, setPreviewed] = useState('');
  // A refused request names each date's state; it replaces the preview, which may be outdated.
  const refused = create.error instanceof ApiError ? (create.error.details as { occurrences?: Occurrence[] } | undefined)?.occurrences : undefined;
  const occurrences = refused ?? (previewed === asked ? preview.data?.occurrences : undefined);

  if (!clubs.length || space.kind === 'coworking') return null;
  const showPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!body) return;
    create.reset();
    setPreviewed(asked);
    preview.mutate(body);
  };
  const addExclusion = () => {
    if (exclude && !exdates.includes(exclude)) setExdates([...exdates, exclude].sort());
    setExclude('');
  };

  return (
    <details className="series-request booking-form">
      <summary>{t('series.title')}</summary>
      {!slot ? (
        <p>{t('series.pickSlot')}</p>
      ) : (
        <form onSubmit={showPreview} noValidate>
          <p>{t('series.intro', { weekday: at(slot.start, 'cccc'), from: at(slot.start, 'HH:mm'), to: at(slot.end, 'HH:mm'), date: at(slot.start, 'd. LLLL yyyy') })}</p>
          <div className="field">
            <label htmlFor={`${id}org`}>{t('series.organization')}</label>
            <select id={`${id}org`} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
              {clubs.map((club) => (
                <option key={club.organizationId} value={club.organizationId}>
                  {club.organizationName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}interval`}>{t('series.interval')}</label>
            <input id={`${id}interval`} type="number" min={1} max={52} value={every} onChange={(e) => setEvery(Number(e.target.value))} />
          </div>
          <fieldset>
            <legend>{t('series.endBy')}</legend>
            {(['count', 'until'] as const).map((by) => (
              <label key={by} className="choice">
                <input type="radio" name={`${id}end`} checked={endBy === by} onChange={() => setEndBy(by)} /> {t(by === 'count' ? 'series.byCount' : 'series.untilDate')}
              </label>
            ))}
            {endBy === 'count' ? (
              <div className="field">
                <label htmlFor={`${id}count`}>{t('series.count', { max: SERIES_MAX_OCCURRENCES })}</label>
                <input id={`${id}count`} type="number" min={1} max={SERIES_MAX_OCCURRENCES} value={count} onChange={(e) => setCount(Number(e.target.value))} />
              </div>
            ) : (
              <div className="field">
                <label htmlFor={`${id}until`}>{t('series.until')}</label>
                <input id={`${id}until`} type="date" min={slot.start.slice(0, 10)} value={until} onChange={(e) => setUntil(e.target.value)} />
              </div>
            )}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}exclude`}>{t('series.exclude')}</label>
            <div className="actions">
              <input id={`${id}exclude`} type="date" min={slot.start.slice(0, 10)} value={exclude} onChange={(e) => setExclude(e.target.value)} />
              <button type="button" className="link-button" onClick={addExclusion} disabled={!exclude}>
                {t('series.addExclusion')}
              </button>
            </div>
          </div>
          {exdates.length > 0 && (
            <ul aria-label={t('series.excluded')} className="amenities">
              {exdates.map((date) => (
                <li key={date}>
                  {at(date, 'ccc d.M.yyyy')}{' '}
                  <button type="button" className="link-button" aria-label={t('series.removeExclusion', { date: at(date, 'd.M.yyyy') })} onClick={() => setExdates(exdates.filter((d) => d !== date))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="submit" className="button" disabled={preview.isPending}>
            {t('series.preview')}
          </button>
          <FormAlert error={preview.error} />
          {occurrences && (
            <section aria-labelledby={`${id}dates`}>
              <h3 id={`${id}dates`}>{t('series.previewTitle')}</h3>
              <ol className="occurrences">
                {occurrences.map((o) => (
                  <li key={o.start} data-testid="occurrence">
                    <span>{at(o.start, 'ccc d.M.yyyy HH:mm')}–{at(o.end, 'HH:mm')}</span>
                    <span className={`badge occurrence-${o.status}`}>{t(`occurrence.${o.status}` as MessageKey)}</span>
                  </li>
                ))}
              </ol>
              <fieldset>
                <legend>{t('series.onConflict')}</legend>
                {(['fail', 'skip'] as const).map((choice) => (
                  <label key={choice} className="choice">
                    <input type="radio" name={`${id}conflict`} checked={onConflict === choice} onChange={() => setOnConflict(choice)} /> {t(`series.${choice}`)}
                  </label>
                ))}
              </fieldset>
              <button type="button" className="button" disabled={create.isPending} onClick={() => body && create.mutate({ ...body, onConflict })}>
                {t(space.approval === 'required' ? 'series.submit' : 'series.submitInstant')}
              </button>
            </section>
          )}
          <FormAlert error={create.error} />
          {create.data && <Notice>{t('series.done', { created: create.data.created.length, skipped: create.data.skipped.length })}</Notice>}
        </form>
      )}
    </details>
  );
}
