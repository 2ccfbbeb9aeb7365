import type { Contract } from '@landraeume/shared';
import { describe, expect, it } from 'vitest';
import { contractBodyOf, contractFormOf, emptyContract } from './contract-form';

const contract: Contract = {
  id: '0b6f3f5e-2c1d-4c3a-9a55-4b8e5f0d1a01',
  employer: { id: '0b6f3f5e-2c1d-4c3a-9a55-4b8e5f0d1a02', name: 'Maschinenbau Dülmen' },
  name: 'Pilot 2026',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  spaceIds: ['0b6f3f5e-2c1d-4c3a-9a55-4b8e5f0d1a03'],
  providerIds: [],
  noShowConsumesQuota: false,
  daysPerEmployee: 8,
  pool: { unit: 'hour', amount: 400 },
  price: { unit: 'day', cents: 1950 },
  status: 'active',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('contract form', () => {
  it('round-trips a contract into the API body', () => {
    expect(contractBodyOf(contractFormOf(contract, 'de'))).toEqual({
      name: 'Pilot 2026',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      spaceIds: ['0b6f3f5e-2c1d-4c3a-9a55-4b8e5f0d1a03'],
      providerIds: [],
      daysPerEmployee: 8,
      pool: { unit: 'hour', amount: 400 },
      price: { unit: 'day', cents: 1950 },
      status: 'active',
      noShowConsumesQuota: false,
    });
    expect(contractFormOf(contract, 'de').price).toBe('19,50');
  });

  it('sends no pool and no per-person limit for empty fields, and text as typed for the server to name', () => {
    const body = contractBodyOf({ ...emptyContract(), name: 'X', daysPerEmployee: '', poolUnit: '', price: '12', poolAmount: '9' });
    expect(body).toMatchObject({ daysPerEmployee: null, pool: null, price: { unit: 'day', cents: 1200 } });
    expect(contractBodyOf({ ...emptyContract(), daysPerEmployee: 'acht', poolUnit: 'day', poolAmount: '' })).toMatchObject({ daysPerEmployee: 'acht', pool: { unit: 'day', amount: null } });
  });
});
