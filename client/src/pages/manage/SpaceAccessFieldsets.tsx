import { ACCESS_MODES, LOCK_ADAPTERS } from '@landraeume/shared';
import type { ReactNode } from 'react';
import { Field } from '../../components/Field';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { shownAccessFields, type SpaceFormValues } from './space-form';

const PREFIX = 'space';
type NumberKey = 'keyPickupHoursBefore' | 'keyReturnHoursAfter' | 'codeLeadMinutes' | 'setupMinutes' | 'cleanupMinutes' | 'noShowGraceMinutes';

interface Props {
  form: SpaceFormValues;
  set<K extends keyof SpaceFormValues>(key: K, value: SpaceFormValues[K]): void;
  errors: Record<string, string>;
  label(key: keyof SpaceFormValues): string;
  /** Whether the server holds a lock secret; the secret itself never comes back. */
  secretStored: boolean;
  area(key: 'accessInstructions', hint: string): ReactNode;
}

/** How people get in, the buffers around bookings and the release of bookings nobody checked in to. */
export function SpaceAccessFieldsets({ form, set, errors, label, secretStored, area }: Props) {
  const { t } = useI18n();
  const shown = shownAccessFields(form);
  const number = (key: NumberKey, hint: string) => (
    <Field id={`${PREFIX}-${key}`} name={key} label={label(key)} value={form[key]} onChange={(e) => set(key, e.target.value)} error={errors[key]} hint={hint} inputMode="numeric" />
  );
  return (
    <>
      <fieldset>
        <legend>{t('manage.access')}</legend>
        <div className="field">
          <label htmlFor={`${PREFIX}-accessMode`}>{label('accessMode')}</label>
          <select
            id={`${PREFIX}-accessMode`}
            value={form.accessMode}
            onChange={(e) => set('accessMode', e.target.value as SpaceFormValues['accessMode'])}
            aria-invalid={errors.accessMode ? true : undefined}
            aria-describedby={errors.accessMode ? `${PREFIX}-accessMode-error` : undefined}
          >
            {ACCESS_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`manage.accessMode.${mode}` as MessageKey)}
              </option>
            ))}
          </select>
          {errors.accessMode && (
            <p id={`${PREFIX}-accessMode-error`} className="field-error">
              {errors.accessMode}
            </p>
          )}
        </div>
        {area('accessInstructions', t('manage.accessHint'))}
        {shown.key && (
          <>
            <Field id={`${PREFIX}-keyPlace`} name="keyPlace" label={label('keyPlace')} value={form.keyPlace} onChange={(e) => set('keyPlace', e.target.value)} error={errors.keyPlace} hint={t('manage.keyPlaceHint')} maxLength={500} />
            {number('keyPickupHoursBefore', t('manage.keyPickupHint'))}
            {number('keyReturnHoursAfter', t('manage.keyReturnHint'))}
          </>
        )}
        {shown.code && number('codeLeadMinutes', t('manage.codeLeadHint'))}
        {shown.lock && (
          <div className="field">
            <label htmlFor={`${PREFIX}-lockAdapter`}>{label('lockAdapter')}</label>
            <select
              id={`${PREFIX}-lockAdapter`}
              value={form.lockAdapter}
              onChange={(e) => set('lockAdapter', e.target.value as SpaceFormValues['lockAdapter'])}
              aria-describedby={[`${PREFIX}-lockAdapter-hint`, errors.lockAdapter ? `${PREFIX}-lockAdapter-error` : ''].filter(Boolean).join(' ')}
              aria-invalid={errors.lockAdapter ? true : undefined}
            >
              <option value="">{t('manage.lockAdapter.none')}</option>
              {LOCK_ADAPTERS.map((adapter) => (
                <option key={adapter} value={adapter}>
                  {t(`manage.lockAdapter.${adapter}` as MessageKey)}
                </option>
              ))}
            </select>
            <p id={`${PREFIX}-lockAdapter-hint`} className="hint">
              {t('manage.lockAdapterHint')}
            </p>
            {errors.lockAdapter && (
              <p id={`${PREFIX}-lockAdapter-error`} className="field-error">
                {errors.lockAdapter}
              </p>
            )}
          </div>
        )}
        {shown.lockConnection && (
          <>
            <Field id={`${PREFIX}-lockUrl`} name="lockUrl" type="url" label={label('lockUrl')} value={form.lockUrl} onChange={(e) => set('lockUrl', e.target.value)} error={errors.lockUrl} hint={t('manage.lockUrlHint')} maxLength={500} />
            <Field
              id={`${PREFIX}-lockSecret`}
              name="lockSecret"
              type="password"
              autoComplete="new-password"
              label={label('lockSecret')}
              value={form.lockSecret}
              onChange={(e) => set('lockSecret', e.target.value)}
              error={errors.lockSecret}
              hint={t(secretStored ? 'manage.lockSecretStored' : 'manage.lockSecretHint')}
              maxLength={200}
            />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('manage.buffers')}</legend>
        <p className="hint">{t('manage.buffersHint')}</p>
        {number('setupMinutes', t('manage.minutesRange'))}
        {number('cleanupMinutes', t('manage.minutesRange'))}
      </fieldset>
      <fieldset>
        <legend>{t('manage.noShow')}</legend>
        {number('noShowGraceMinutes', t('manage.noShowHint'))}
      </fieldset>
    </>
  );
}
