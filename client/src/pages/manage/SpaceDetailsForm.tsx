import { useMutation } from '@tanstack/react-query';
import { AMENITIES, MUNICIPALITY_NAMES, type ManagedSpaceDetail } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorSummary, fieldErrorsOf } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { SpaceAccessFieldsets } from './SpaceAccessFieldsets';
import { formOf, missingLockFields, updateOf, type SpaceFormValues } from './space-form';
import { SpaceKindOptions } from '../../components/Options';

const PREFIX = 'space';
type TextKey = Exclude<keyof SpaceFormValues, 'amenities' | 'holidaysClosed' | 'kind' | 'approval' | 'accessMode' | 'lockAdapter'>;

/** Name, address, capacity, amenities, rules, prices and texts of a space, saved at once. */
export function SpaceDetailsForm({ space, onSaved }: { space: ManagedSpaceDetail; onSaved(space: ManagedSpaceDetail): void }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<SpaceFormValues>(() => formOf(space, locale));
  const save = useMutation({
    mutationFn: () => api<ManagedSpaceDetail>(`/api/spaces/${space.id}`, { method: 'PATCH', body: updateOf(form) }),
    onSuccess: (saved) => {
      // The secret is stored now; keeping it in the form would only send it again.
      setForm((f) => ({ ...f, lockSecret: '' }));
      onSaved(saved);
    },
  });
  const local = Object.fromEntries(missingLockFields(save.error).map((key) => [key, t('manage.lockMissing')]));
  const errors = { ...fieldErrorsOf(save.error), ...local };
  const label = (key: keyof SpaceFormValues) => t(`manage.field.${key}` as MessageKey);
  const labels = Object.fromEntries((Object.keys(form) as (keyof SpaceFormValues)[]).map((key) => [key, label(key)]));
  const set = <K extends keyof SpaceFormValues>(key: K, value: SpaceFormValues[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: TextKey, extra: { hint?: string; inputMode?: 'numeric' | 'decimal'; maxLength?: number } = {}) => (
    <Field id={`${PREFIX}-${key}`} name={key} label={label(key)} value={form[key]} onChange={(e) => set(key, e.target.value)} error={errors[key]} {...extra} />
  );
  const area = (key: 'description' | 'houseRules' | 'accessInstructions', hint?: string) => (
    <div className="field">
      <label htmlFor={`${PREFIX}-${key}`}>{label(key)}</label>
      <textarea id={`${PREFIX}-${key}`} rows={4} value={form[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={errors[key] ? true : undefined} aria-describedby={[errors[key] ? `${PREFIX}-${key}-error` : '', hint ? `${PREFIX}-${key}-hint` : ''].filter(Boolean).join(' ') || undefined} />
      {hint && <p id={`${PREFIX}-${key}-hint`} className="hint">{hint}</p>}
      {errors[key] && <p id={`${PREFIX}-${key}-error`} className="field-error">{errors[key]}</p>}
    </div>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="details-heading" className="manage-form">
      <h2 id="details-heading">{t('manage.details')}</h2>
      <ErrorSummary error={save.error} labels={labels} idPrefix={PREFIX} local={local} />
      {save.isSuccess && <Notice>{t('manage.saved')}</Notice>}
      {text('name', { maxLength: 200 })}
      <div className="field">
        <label htmlFor={`${PREFIX}-kind`}>{label('kind')}</label>
        <select id={`${PREFIX}-kind`} value={form.kind} onChange={(e) => set('kind', e.target.value as SpaceFormValues['kind'])}>
          <SpaceKindOptions />
        </select>
      </div>
      {area('description')}
      <fieldset>
        <legend>{t('manage.address')}</legend>
        {text('street', { maxLength: 200 })}
        {text('postcode', { inputMode: 'numeric', maxLength: 5 })}
        <div className="field">
          <label htmlFor={`${PREFIX}-municipality`}>{label('municipality')}</label>
          <select id={`${PREFIX}-municipality`} value={form.municipality} onChange={(e) => set('municipality', e.target.value)}>
            {MUNICIPALITY_NAMES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </div>
        {text('lat', { inputMode: 'decimal', hint: t('manage.latHint') })}
        {text('lon', { inputMode: 'decimal' })}
      </fieldset>
      {text('capacity', { inputMode: 'numeric' })}
      <fieldset>
        <legend>{label('amenities')}</legend>
        <div className="checkbox-grid">
          {AMENITIES.map((amenity) => (
            <label key={amenity} className="checkbox-option">
              <input
                type="checkbox"
                checked={form.amenities.includes(amenity)}
                onChange={(e) => set('amenities', e.target.checked ? [...form.amenities, amenity] : form.amenities.filter((a) => a !== amenity))}
              />{' '}
              {t(`amenity.${amenity}` as MessageKey)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('manage.rules')}</legend>
        <div className="field">
          <label htmlFor={`${PREFIX}-approval`}>{label('approval')}</label>
          <select id={`${PREFIX}-approval`} value={form.approval} onChange={(e) => set('approval', e.target.value as SpaceFormValues['approval'])}>
            <option value="instant">{t('space.instant')}</option>
            <option value="required">{t('space.approval')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${PREFIX}-slotMinutes`}>{label('slotMinutes')}</label>
          <select id={`${PREFIX}-slotMinutes`} value={form.slotMinutes} onChange={(e) => set('slotMinutes', e.target.value)}>
            {['15', '30', '60'].map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('manage.minutes', { count: minutes })}
              </option>
            ))}
          </select>
        </div>
        {text('minDurationMinutes', { inputMode: 'numeric' })}
        {text('maxDurationMinutes', { inputMode: 'numeric' })}
        {text('leadTimeMinutes', { inputMode: 'numeric' })}
        {text('horizonDays', { inputMode: 'numeric' })}
        {text('cancellationDeadlineHours', { inputMode: 'numeric' })}
        <div className="field checkbox">
          <input id={`${PREFIX}-holidaysClosed`} type="checkbox" checked={form.holidaysClosed} onChange={(e) => set('holidaysClosed', e.target.checked)} aria-describedby={`${PREFIX}-holidaysClosed-hint`} />
          <label htmlFor={`${PREFIX}-holidaysClosed`}>{label('holidaysClosed')}</label>
          <p id={`${PREFIX}-holidaysClosed-hint`} className="hint">{t('manage.holidaysHint')}</p>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('manage.prices')}</legend>
        <p className="hint">{t('manage.pricesHint')}</p>
        {text('pricePerHourCents', { inputMode: 'decimal' })}
        {text('pricePerDayCents', { inputMode: 'decimal' })}
        {text('clubPricePerHourCents', { inputMode: 'decimal' })}
      </fieldset>
      {area('houseRules')}
      <SpaceAccessFieldsets form={form} set={set} errors={errors} label={label} secretStored={space.lockSecretSet} area={area} />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('manage.save')}
      </button>
    </form>
  );
}
