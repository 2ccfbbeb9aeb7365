import type { Contract, ContractStatus, ContractUnit } from '@landraeume/shared';
import { centsOf, eurosOf } from '../manage/space-form';

/** The contract form as its inputs hold it; keys follow the API so its field errors land in place. */
export interface ContractFormValues {
  name: string;
  validFrom: string;
  validTo: string;
  spaceIds: string[];
  providerIds: string[];
  daysPerEmployee: string;
  poolUnit: '' | ContractUnit;
  poolAmount: string;
  priceUnit: ContractUnit;
  price: string;
  status: ContractStatus;
  noShowConsumesQuota: boolean;
}

export const emptyContract = (): ContractFormValues => ({ name: '', validFrom: '', validTo: '', spaceIds: [], providerIds: [], daysPerEmployee: '', poolUnit: '', poolAmount: '', priceUnit: 'day', price: '', status: 'active', noShowConsumesQuota: true });

export function contractFormOf(contract: Contract, locale: 'de' | 'en'): ContractFormValues {
  return {
    name: contract.name,
    validFrom: contract.validFrom,
    validTo: contract.validTo,
    spaceIds: contract.spaceIds,
    providerIds: contract.providerIds,
    daysPerEmployee: contract.daysPerEmployee === null ? '' : String(contract.daysPerEmployee),
    poolUnit: contract.pool?.unit ?? '',
    poolAmount: contract.pool ? String(contract.pool.amount) : '',
    priceUnit: contract.price.unit,
    price: eurosOf(contract.price.cents, locale),
    status: contract.status,
    noShowConsumesQuota: contract.noShowConsumesQuota,
  };
}

/** Whole numbers as typed; anything else is passed on as typed so the server names the field. */
const wholeOf = (text: string): number | string | null => {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : text;
};

/** The body for POST (with the employer) or PATCH /api/contracts. An empty quota field means no such quota. */
export function contractBodyOf(form: ContractFormValues) {
  const cents = centsOf(form.price);
  return {
    name: form.name,
    validFrom: form.validFrom,
    validTo: form.validTo,
    spaceIds: form.spaceIds,
    providerIds: form.providerIds,
    daysPerEmployee: wholeOf(form.daysPerEmployee),
    pool: form.poolUnit ? { unit: form.poolUnit, amount: wholeOf(form.poolAmount) } : null,
    // No price typed is a price of nothing said: the server asks for one.
    price: { unit: form.priceUnit, cents: cents ?? '' },
    status: form.status,
    noShowConsumesQuota: form.noShowConsumesQuota,
  };
}
