import { z } from 'zod';
import { localDateSchema } from './spaces';

export const CONTRACT_STATUSES = ['active', 'suspended', 'ended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Pools and prices count either whole desk-days or hours. */
export const CONTRACT_UNITS = ['day', 'hour'] as const;
export type ContractUnit = (typeof CONTRACT_UNITS)[number];

const uuid = z.uuid({ error: 'id.invalid' });
const idList = z.array(uuid).max(200);

const contractFields = {
  name: z.string().trim().min(1, { error: 'name.required' }).max(200, { error: 'text.too_long' }),
  validFrom: localDateSchema,
  validTo: localDateSchema,
  /** Covered spaces: the ones listed, plus every space of the providers listed. */
  spaceIds: idList,
  providerIds: idList,
  /** Desk-days each employee may book per month; null for no per-person limit. */
  daysPerEmployee: z.number().int().min(1).max(31).nullable(),
  /** A monthly pool for the whole company, in days or hours; null for none. */
  pool: z.object({ unit: z.enum(CONTRACT_UNITS), amount: z.number().int().min(1).max(100_000) }).strict().nullable(),
  /** What the employer pays per desk-day or per hour of a booking on the contract. */
  price: z.object({ unit: z.enum(CONTRACT_UNITS), cents: z.number().int().min(0).max(1_000_000) }).strict(),
  status: z.enum(CONTRACT_STATUSES),
  /** Whether a booking released as a no-show still counts against the quota. */
  noShowConsumesQuota: z.boolean(),
};

const hasQuota = (c: { daysPerEmployee?: number | null; pool?: unknown }) => c.daysPerEmployee != null || c.pool != null;
const ordered = (c: { validFrom?: string; validTo?: string }) => !c.validFrom || !c.validTo || c.validFrom <= c.validTo;

export const contractCreateSchema = z
  .object({
    employerId: uuid,
    ...contractFields,
    spaceIds: idList.default([]),
    providerIds: idList.default([]),
    daysPerEmployee: contractFields.daysPerEmployee.default(null),
    pool: contractFields.pool.default(null),
    status: contractFields.status.default('active'),
    noShowConsumesQuota: contractFields.noShowConsumesQuota.default(true),
  })
  .strict()
  .refine(hasQuota, { error: 'contract.quota_required', path: ['daysPerEmployee'] })
  .refine(ordered, { error: 'contract.dates_order', path: ['validTo'] })
  .refine((c) => c.spaceIds.length + c.providerIds.length > 0, { error: 'contract.coverage_required', path: ['spaceIds'] });
export type ContractCreate = z.infer<typeof contractCreateSchema>;

/** Every field may change; the result is checked again as a whole by the service. */
export const contractUpdateSchema = z
  .object(contractFields)
  .partial()
  .strict()
  .refine(ordered, { error: 'contract.dates_order', path: ['validTo'] });
export type ContractUpdate = z.infer<typeof contractUpdateSchema>;

export const contractSchema = z.object({
  id: z.uuid(),
  employer: z.object({ id: z.uuid(), name: z.string() }),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  spaceIds: z.array(z.uuid()),
  providerIds: z.array(z.uuid()),
  daysPerEmployee: z.number().int().nullable(),
  pool: z.object({ unit: z.enum(CONTRACT_UNITS), amount: z.number().int() }).nullable(),
  price: z.object({ unit: z.enum(CONTRACT_UNITS), cents: z.number().int() }),
  status: z.enum(CONTRACT_STATUSES),
  noShowConsumesQuota: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contract = z.infer<typeof contractSchema>;

/** A calendar month, e.g. 2026-11. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month.invalid' });

export const monthQuerySchema = z.object({ month: monthSchema }).strict();
/** `format=de` writes CSV for German spreadsheets: `;` between fields and a decimal comma. */
export const usageQuerySchema = z.object({ month: monthSchema, format: z.enum(['de', 'en']).default('en') }).strict();
export const optionalMonthQuerySchema = z.object({ month: monthSchema.optional() }).strict();

export const workplaceSchema = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();
export type Workplace = z.infer<typeof workplaceSchema>;

/** What is left of a quota in one month; null where the contract has no such quota. */
export const quotaLeftSchema = z.object({
  month: z.string(),
  employeeDaysLeft: z.number().nullable(),
  poolLeft: z.number().nullable(),
});
export type QuotaLeft = z.infer<typeof quotaLeftSchema>;

export const myContractSchema = z.object({
  contract: contractSchema,
  /** Every space the contract covers, including those of covered providers. */
  coveredSpaceIds: z.array(z.uuid()),
  thisMonth: quotaLeftSchema,
  nextMonth: quotaLeftSchema,
});
export type MyContract = z.infer<typeof myContractSchema>;

/** Kilometres of driving and kilograms of CO₂ avoided; figures are rounded for display. */
export const commuteFiguresSchema = z.object({ deskDays: z.number().int(), kmAvoided: z.number(), co2KgAvoided: z.number() });
export type CommuteFigures = z.infer<typeof commuteFiguresSchema>;

export const usageEmployeeSchema = z.object({
  /** Null for the desk-days of an account erased since: the money was spent all the same. */
  userId: z.uuid().nullable(),
  name: z.string(),
  days: z.number().int(),
  hours: z.number(),
  amountCents: z.number().int(),
  daysLeft: z.number().int().nullable(),
  /** Only for people who chose to share their commute figures with their employer. */
  commute: commuteFiguresSchema.nullable(),
});
export const usageSpaceSchema = z.object({ spaceId: z.uuid(), name: z.string(), municipality: z.string(), days: z.number().int(), hours: z.number(), amountCents: z.number().int() });
export const usageSchema = z.object({
  organization: z.object({ id: z.uuid(), name: z.string() }),
  month: z.string(),
  contracts: z.array(z.object({ id: z.uuid(), name: z.string(), daysPerEmployee: z.number().int().nullable(), pool: contractSchema.shape.pool, poolUsed: z.number(), poolLeft: z.number().nullable() })),
  employees: z.array(usageEmployeeSchema),
  spaces: z.array(usageSpaceSchema),
  totals: z.object({ days: z.number().int(), hours: z.number(), amountCents: z.number().int(), commute: commuteFiguresSchema }),
});
export type Usage = z.infer<typeof usageSchema>;

export const statementSchema = z.object({
  contract: contractSchema,
  month: z.string(),
  lines: z.array(z.object({ date: z.string(), space: z.string(), municipality: z.string(), employee: z.string(), hours: z.number(), amountCents: z.number().int() })),
  totals: z.object({ days: z.number().int(), hours: z.number(), amountCents: z.number().int() }),
});
export type Statement = z.infer<typeof statementSchema>;

export const myCommuteSchema = z.object({
  shared: z.boolean(),
  months: z.array(z.object({ month: z.string() }).extend(commuteFiguresSchema.shape)),
  total: commuteFiguresSchema,
});
export type MyCommute = z.infer<typeof myCommuteSchema>;

export const regionCommuteSchema = z.object({
  month: z.string(),
  total: commuteFiguresSchema,
  towns: z.array(z.object({ municipality: z.string() }).extend(commuteFiguresSchema.shape)),
});
export type RegionCommute = z.infer<typeof regionCommuteSchema>;
