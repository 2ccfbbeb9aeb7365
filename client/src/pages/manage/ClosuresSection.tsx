import { useMutation } from '@tanstack/react-query';
import type { ClosureDto, ManagedSpaceDetail } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorSummary, fieldErrorsOf } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { FormAlert, Notice } from '../../components/FormAlert';
import { useI18n } from '../../i18n/i18n';

const PREFIX = 'closure';

/** Days or periods the space, or one of its desks or rooms, is closed; and the public holidays it keeps. */
export function ClosuresSection({ space, onChanged }: { space: ManagedSpaceDetail; onChanged(): void }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState({ startsOn: '', endsOn: '', resourceId: '', reason: '' });
  const add = useMutation({
    mutationFn: () =>
      api<ClosureDto>(`/api/spaces/${space.id}/closures`, {
        method: 'POST',
        // A single day needs only its first date.
        body: { startsOn: form.startsOn, endsOn: form.endsOn || form.startsOn, ...(form.resourceId ? { resourceId: form.resourceId } : {}), ...(form.reason.trim() ? { reason: form.reason } : {}) },
      }),
    onSuccess: () => {
      setForm({ startsOn: '', endsOn: '', resourceId: '', reason: '' });
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/spaces/${space.id}/closures/${id}`, { method: 'DELETE' }),
    onSuccess: onChanged,
  });
  const errors = fieldErrorsOf(add.error);
  const labels = { startsOn: t('manage.closure.startsOn'), endsOn: t('manage.closure.endsOn'), resourceId: t('manage.closure.resource'), reason: t('manage.closure.reason') };
  const resourceName = (id: string | null) => (id ? (space.resources.find((r) => r.id === id)?.name ?? '') : t('manage.closure.wholeSpace'));
  const date = (iso: string) => new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="closures-heading">
      <h2 id="closures-heading">{t('space.closures')}</h2>
      <FormAlert error={remove.error} />
      {space.closures.length === 0 ? (
        <p>{t('manage.closure.none')}</p>
      ) : (
        <ul className="closure-list">
          {space.closures.map((closure) => (
            <li key={closure.id}>
              {closure.startsOn === closure.endsOn ? date(closure.startsOn) : `${date(closure.startsOn)} – ${date(closure.endsOn)}`} · {resourceName(closure.resourceId)}
              {closure.reason && ` · ${closure.reason}`}{' '}
              <button type="button" className="link-button" onClick={() => remove.mutate(closure.id)}>
                {t('manage.closure.remove', { date: date(closure.startsOn) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="manage-form" aria-labelledby="add-closure-heading">
        <h3 id="add-closure-heading">{t('manage.closure.add')}</h3>
        <ErrorSummary error={add.error} labels={labels} idPrefix={PREFIX} />
        {add.isSuccess && <Notice>{t('manage.closure.added')}</Notice>}
        <Field id={`${PREFIX}-startsOn`} type="date" label={labels.startsOn} value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.target.value })} error={errors.startsOn} required />
        <Field id={`${PREFIX}-endsOn`} type="date" label={labels.endsOn} hint={t('manage.closure.endsOnHint')} value={form.endsOn} min={form.startsOn || undefined} onChange={(e) => setForm({ ...form, endsOn: e.target.value })} error={errors.endsOn} />
        <div className="field">
          <label htmlFor={`${PREFIX}-resourceId`}>{labels.resourceId}</label>
          <select id={`${PREFIX}-resourceId`} value={form.resourceId} onChange={(e) => setForm({ ...form, resourceId: e.target.value })}>
            <option value="">{t('manage.closure.wholeSpace')}</option>
            {space.resources.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <Field id={`${PREFIX}-reason`} label={labels.reason} value={form.reason} maxLength={200} onChange={(e) => setForm({ ...form, reason: e.target.value })} error={errors.reason} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('manage.closure.submit')}
        </button>
      </form>
      <h3>{t('manage.holidays')}</h3>
      {space.holidaysClosed ? (
        <ul className="closure-list">
          {space.holidays.map((holiday) => (
            <li key={holiday.date}>
              {date(holiday.date)} · {holiday.name}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('manage.holidaysOpen')}</p>
      )}
    </section>
  );
}
