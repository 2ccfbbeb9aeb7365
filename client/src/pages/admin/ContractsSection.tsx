import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONTRACT_STATUSES, type Contract, type Organization, type SpaceList } from '@landraeume/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorSummary, fieldErrorsOf } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { contractBodyOf, contractFormOf, emptyContract, type ContractFormValues } from './contract-form';

/** An employer's pilot contracts: listed, set up, changed and ended by the platform team. */
export function ContractsSection({ employer }: { employer: Organization }) {
  const { t, locale, money } = useI18n();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const contracts = useQuery({ queryKey: ['contracts', employer.id], queryFn: () => api<{ items: Contract[] }>(`/api/organizations/${employer.id}/contracts`) });
  const refresh = () => client.invalidateQueries({ queryKey: ['contracts', employer.id] });
  const end = useMutation({ mutationFn: (id: string) => api<Contract>(`/api/contracts/${id}`, { method: 'PATCH', body: { status: 'ended' } }), onSuccess: refresh });
  return (
    <section aria-labelledby="contracts-heading">
      <h2 id="contracts-heading">{t('admin.contracts.title')}</h2>
      <FormAlert error={contracts.error ?? end.error} />
      {contracts.data?.items.length === 0 && <p>{t('admin.contracts.none')}</p>}
      <ul className="booking-list">
        {contracts.data?.items.map((contract) => (
          <li key={contract.id} className="booking">
            <strong>{contract.name}</strong> · {contract.validFrom} – {contract.validTo} · <span className={`badge status-${contract.status === 'active' ? 'confirmed' : 'cancelled'}`}>{t(`employer.status.${contract.status}` as MessageKey)}</span>
            <br />
            {contract.daysPerEmployee !== null && <>{t('admin.contracts.perEmployee', { days: contract.daysPerEmployee })} · </>}
            {contract.pool && <>{t(`admin.contracts.pool.${contract.pool.unit}` as MessageKey, { amount: contract.pool.amount })} · </>}
            {t(`admin.contracts.price.${contract.price.unit}` as MessageKey, { price: money(contract.price.cents) })}
            <div className="actions">
              <button type="button" className="link-button" onClick={() => setEditing(contract)}>
                {t('admin.contracts.edit', { name: contract.name })}
              </button>
              {contract.status !== 'ended' && (
                <button type="button" className="link-button" onClick={() => end.mutate(contract.id)}>
                  {t('admin.contracts.end', { name: contract.name })}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {editing === null ? (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('admin.contracts.new')}
        </button>
      ) : (
        <ContractForm
          key={editing === 'new' ? 'new' : editing.id}
          employerId={employer.id}
          contract={editing === 'new' ? null : editing}
          initial={editing === 'new' ? emptyContract() : contractFormOf(editing, locale)}
          onDone={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
    </section>
  );
}

const P = 'contract';

function ContractForm({ employerId, contract, initial, onDone }: { employerId: string; contract: Contract | null; initial: ContractFormValues; onDone(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const spaces = useQuery({ queryKey: ['spaces', 'all'], queryFn: () => api<SpaceList>('/api/spaces?pageSize=100') });
  const organizations = useQuery({ queryKey: ['organizations'], queryFn: () => api<{ items: Organization[] }>('/api/organizations') });
  const providers = (organizations.data?.items ?? []).filter((o) => o.kind === 'municipality' || o.kind === 'provider');
  const save = useMutation({
    mutationFn: () =>
      contract
        ? api<Contract>(`/api/contracts/${contract.id}`, { method: 'PATCH', body: contractBodyOf(form) })
        : api<Contract>('/api/contracts', { method: 'POST', body: { employerId, ...contractBodyOf(form) } }),
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(save.error);
  const labels: Record<string, string> = {
    name: t('admin.contracts.name'),
    validFrom: t('admin.contracts.validFrom'),
    validTo: t('admin.contracts.validTo'),
    spaceIds: t('admin.contracts.spaces'),
    providerIds: t('admin.contracts.providers'),
    daysPerEmployee: t('admin.contracts.daysPerEmployee'),
    'pool.amount': t('admin.contracts.poolAmount'),
    'price.cents': t('admin.contracts.priceAmount'),
    status: t('admin.contracts.status'),
  };
  const set = <K extends keyof ContractFormValues>(key: K, value: ContractFormValues[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (key: 'spaceIds' | 'providerIds', id: string, on: boolean) => set(key, on ? [...form[key], id] : form[key].filter((x) => x !== id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const title = contract ? t('admin.contracts.edit', { name: contract.name }) : t('admin.contracts.new');
  return (
    <form onSubmit={submit} noValidate className="manage-form" aria-labelledby="contract-form-heading">
      <h3 id="contract-form-heading">{title}</h3>
      <ErrorSummary error={save.error} labels={labels} idPrefix={P} />
      <Field id={`${P}-name`} label={labels.name!} value={form.name} maxLength={200} onChange={(e) => set('name', e.target.value)} error={errors.name} required />
      <Field id={`${P}-validFrom`} type="date" label={labels.validFrom!} value={form.validFrom} onChange={(e) => set('validFrom', e.target.value)} error={errors.validFrom} required />
      <Field id={`${P}-validTo`} type="date" label={labels.validTo!} value={form.validTo} onChange={(e) => set('validTo', e.target.value)} error={errors.validTo} required />
      <fieldset id={`${P}-spaceIds`} tabIndex={-1} aria-describedby={errors.spaceIds ? `${P}-spaceIds-error` : undefined}>
        <legend>{labels.spaceIds}</legend>
        {errors.spaceIds && <p id={`${P}-spaceIds-error`} className="field-error">{errors.spaceIds}</p>}
        <div className="checkbox-grid">
          {spaces.data?.items.map((space) => (
            <label key={space.id} className="checkbox-option">
              <input type="checkbox" checked={form.spaceIds.includes(space.id)} onChange={(e) => toggle('spaceIds', space.id, e.target.checked)} /> {space.name} ({space.municipality})
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset id={`${P}-providerIds`} tabIndex={-1}>
        <legend>{labels.providerIds}</legend>
        <div className="checkbox-grid">
          {providers.map((provider) => (
            <label key={provider.id} className="checkbox-option">
              <input type="checkbox" checked={form.providerIds.includes(provider.id)} onChange={(e) => toggle('providerIds', provider.id, e.target.checked)} /> {provider.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={`${P}-daysPerEmployee`} inputMode="numeric" label={labels.daysPerEmployee!} hint={t('admin.contracts.daysHint')} value={form.daysPerEmployee} onChange={(e) => set('daysPerEmployee', e.target.value)} error={errors.daysPerEmployee} />
      <fieldset>
        <legend>{t('admin.contracts.pool')}</legend>
        <div className="field">
          <label htmlFor={`${P}-pool-unit`}>{t('admin.contracts.unit')}</label>
          <select id={`${P}-pool-unit`} value={form.poolUnit} onChange={(e) => set('poolUnit', e.target.value as ContractFormValues['poolUnit'])}>
            <option value="">{t('admin.contracts.noPool')}</option>
            <option value="day">{t('admin.contracts.unit.day')}</option>
            <option value="hour">{t('admin.contracts.unit.hour')}</option>
          </select>
        </div>
        {form.poolUnit && <Field id={`${P}-pool-amount`} inputMode="numeric" label={labels['pool.amount']!} value={form.poolAmount} onChange={(e) => set('poolAmount', e.target.value)} error={errors['pool.amount'] ?? errors.pool} />}
      </fieldset>
      <fieldset>
        <legend>{t('admin.contracts.price')}</legend>
        <div className="field">
          <label htmlFor={`${P}-price-unit`}>{t('admin.contracts.unit')}</label>
          <select id={`${P}-price-unit`} value={form.priceUnit} onChange={(e) => set('priceUnit', e.target.value as ContractFormValues['priceUnit'])}>
            <option value="day">{t('admin.contracts.unit.day')}</option>
            <option value="hour">{t('admin.contracts.unit.hour')}</option>
          </select>
        </div>
        <Field id={`${P}-price-cents`} inputMode="decimal" label={labels['price.cents']!} value={form.price} onChange={(e) => set('price', e.target.value)} error={errors['price.cents'] ?? errors.price} required />
      </fieldset>
      <div className="field">
        <label htmlFor={`${P}-status`}>{labels.status}</label>
        <select id={`${P}-status`} value={form.status} onChange={(e) => set('status', e.target.value as ContractFormValues['status'])}>
          {CONTRACT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`employer.status.${status}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="checkbox-option">
          <input type="checkbox" checked={form.noShowConsumesQuota} onChange={(e) => set('noShowConsumesQuota', e.target.checked)} /> {t('admin.contracts.noShowConsumesQuota')}
        </label>
      </div>
      <p className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('admin.contracts.save')}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          {t('manage.cancel')}
        </button>
      </p>
    </form>
  );
}
