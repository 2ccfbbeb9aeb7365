import { z } from 'zod';
import { monthSchema } from './contracts';
import { MUNICIPALITY_NAMES } from './municipalities';
import { spaceKindSchema } from './spaces';

/*
 * The commuter survey and the demand reports. Survey questions are data (platform admins edit
 * them without a code change); answers are stored by the stable keys of questions and options,
 * so relabelling a question or retiring an option never changes what an old answer means.
 */

export const SURVEY_QUESTION_TYPES = ['single_choice', 'multiple_choice', 'number', 'postcode'] as const;
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

/** Keys are identifiers, never shown: lower case, digits, '_' and '-'. */
export const surveyKeySchema = z.string().regex(/^[a-z][a-z0-9_-]{0,49}$/, { error: 'key.invalid' });

const text = (max: number) => z.string().trim().min(1).max(max);
export const bilingualSchema = z.object({ de: text(300), en: text(300) }).strict();
export type Bilingual = z.infer<typeof bilingualSchema>;

export const surveyOptionSchema = z.object({ key: surveyKeySchema, label: bilingualSchema, retired: z.boolean() });
export type SurveyOption = z.infer<typeof surveyOptionSchema>;

export const surveyQuestionSchema = z.object({
  key: surveyKeySchema,
  type: z.enum(SURVEY_QUESTION_TYPES),
  label: bilingualSchema,
  required: z.boolean(),
  options: z.array(surveyOptionSchema),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** A postcode question that only accepts the district's postcodes (where people live). */
  regionOnly: z.boolean(),
  position: z.number().int(),
  retired: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveySchema = z.object({
  key: z.string(),
  open: z.boolean(),
  title: bilingualSchema,
  questions: z.array(surveyQuestionSchema),
  /** Whether this browser has answered already (only when it sent its key). */
  answered: z.boolean(),
});
export type Survey = z.infer<typeof surveySchema>;

/** The platform team's view of the survey: every question (retired ones too) and how many answered. */
export const surveyAdminViewSchema = z.object({ open: z.boolean(), questions: z.array(surveyQuestionSchema), responses: z.number().int() });
export type SurveyAdminView = z.infer<typeof surveyAdminViewSchema>;
export const surveyReceivedSchema = z.object({ received: z.literal(true) });
/** The answer to following a newsletter confirmation link. */
export const newsletterConfirmedSchema = z.object({ confirmed: z.literal(true) });

/** A random key the browser keeps; the server stores only its hash, and only to refuse a second answer. */
export const browserKeySchema = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, { error: 'browser_key.invalid' });

export const surveyQuerySchema = z.object({ browserKey: browserKeySchema.optional() }).strict();

export const surveyAnswerValueSchema = z.union([z.string().max(100), z.number().finite(), z.array(surveyKeySchema).max(30)]);
export type SurveyAnswerValue = z.infer<typeof surveyAnswerValueSchema>;

export const surveyResponseCreateSchema = z
  .object({
    browserKey: browserKeySchema,
    answers: z.record(surveyKeySchema, surveyAnswerValueSchema).refine((a) => Object.keys(a).length <= 60, { error: 'answers.too_many' }),
    /** Only for the newsletter (confirmed by a mailed link); kept in a table of its own with no link to the answers. */
    newsletterEmail: z.email({ error: 'email.invalid' }).max(254).optional(),
    locale: z.enum(['de', 'en']).default('de'),
  })
  .strict();
export type SurveyResponseCreate = z.input<typeof surveyResponseCreateSchema>;

export const surveyStateUpdateSchema = z.object({ open: z.boolean() }).strict();

const optionInputSchema = z.object({ key: surveyKeySchema, label: bilingualSchema }).strict();
const uniqueKeys = (options: { key: string }[]) => new Set(options.map((o) => o.key)).size === options.length;

export const surveyQuestionCreateSchema = z
  .object({
    key: surveyKeySchema,
    type: z.enum(SURVEY_QUESTION_TYPES),
    label: bilingualSchema,
    required: z.boolean().default(false),
    options: z.array(optionInputSchema).max(40).default([]).refine(uniqueKeys, { error: 'options.duplicate_key' }),
    min: z.number().finite().nullable().default(null),
    max: z.number().finite().nullable().default(null),
    regionOnly: z.boolean().default(false),
  })
  .strict()
  .refine((q) => (q.type === 'single_choice' || q.type === 'multiple_choice') === q.options.length > 0, { error: 'options.only_for_choices', path: ['options'] })
  .refine((q) => q.min === null || q.max === null || q.min <= q.max, { error: 'range.invalid', path: ['max'] });

/**
 * An edit: labels, required, order, retiring. The type and the keys cannot change; an option
 * left out of `options` is retired (kept, so old answers still show its label), never deleted.
 */
export const surveyQuestionUpdateSchema = z
  .object({
    label: bilingualSchema.optional(),
    required: z.boolean().optional(),
    options: z.array(optionInputSchema).max(40).refine(uniqueKeys, { error: 'options.duplicate_key' }).optional(),
    min: z.number().finite().nullable().optional(),
    max: z.number().finite().nullable().optional(),
    position: z.number().int().min(0).max(1000).optional(),
    retired: z.boolean().optional(),
  })
  .strict();

export const surveyQuestionParamsSchema = z.object({ key: surveyKeySchema }).strict();

/** The question keys the reports read; the survey may have more, but these carry its meaning. */
export const REPORT_QUESTION_KEYS = {
  homePostcode: 'home_postcode',
  homePlace: 'home_place',
  workPostcode: 'work_postcode',
  commuteMode: 'commute_mode',
  commuteKm: 'commute_km',
  commuteDays: 'commute_days',
  mobileWork: 'mobile_work',
  coworkingDays: 'coworking_days',
  facilities: 'facilities',
  clubRoomKind: 'club_room_kind',
  clubRoomSize: 'club_room_size',
  clubRoomTime: 'club_room_time',
} as const;

// ---- reports -------------------------------------------------------------------------------

const formatSchema = z.enum(['json', 'csv']).optional();

export const demandReportQuerySchema = z
  .object({ month: monthSchema, municipality: z.enum(MUNICIPALITY_NAMES).optional(), format: formatSchema })
  .strict();
export type DemandReportQuery = z.infer<typeof demandReportQuerySchema>;

export const occupancyReportQuerySchema = z
  .object({
    month: monthSchema,
    municipality: z.enum(MUNICIPALITY_NAMES).optional(),
    /** A space below this share of its open hours booked counts as under-used. */
    threshold: z.coerce.number().min(0).max(1).default(0.2),
    format: formatSchema,
  })
  .strict();
export type OccupancyReportQuery = z.infer<typeof occupancyReportQuerySchema>;

export const rankingQuerySchema = z
  .object({
    municipality: z.enum(MUNICIPALITY_NAMES).optional(),
    /** Respondents living this close to a published coworking space are already served. */
    radiusKm: z.coerce.number().min(0).max(50).default(3),
    format: formatSchema,
  })
  .strict();
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

export const demandRowSchema = z.object({
  municipality: z.string(),
  responses: z.number().int(),
  coworkingInterested: z.number().int(),
  /** Respondents interested in a desk who commute (any mode) out of their place. */
  commuters: z.number().int(),
  /** Their one-way kilometres × 2, summed: what one day at a desk near home saves. */
  commuteKmPerDay: z.number(),
  clubRoomInterested: z.number().int(),
  searches: z.number().int(),
  searchesWithoutResult: z.number().int(),
  refusedBookings: z.number().int(),
});
export type DemandRow = z.infer<typeof demandRowSchema>;
export const demandReportSchema = z.object({ month: monthSchema, rows: z.array(demandRowSchema) });
export type DemandReport = z.infer<typeof demandReportSchema>;

export const occupancyRowSchema = z.object({
  spaceId: z.string().uuid(),
  name: z.string(),
  kind: spaceKindSchema,
  municipality: z.string(),
  openHours: z.number(),
  bookedHours: z.number(),
  /** booked ÷ open unit-hours, 0…1; null when the space had no open hours that month. */
  occupancy: z.number().nullable(),
  underUsed: z.boolean(),
  /** Bookings that began this month and were released because nobody checked in. */
  noShows: z.number().int(),
  /** no-shows ÷ (confirmed bookings + no-shows) that began this month; null without any. */
  noShowRate: z.number().nullable(),
});
export type OccupancyRow = z.infer<typeof occupancyRowSchema>;
export const occupancyReportSchema = z.object({ month: monthSchema, threshold: z.number(), rows: z.array(occupancyRowSchema) });
export type OccupancyReport = z.infer<typeof occupancyReportSchema>;

export const rankingRowSchema = z.object({
  rank: z.number().int(),
  place: z.string(),
  placeName: z.string(),
  municipality: z.string(),
  carCommuters: z.number().int(),
  /** Σ one-way km × days a week of car commuters living there. */
  carKmPerWeek: z.number(),
  /** The part of it from respondents already within radiusKm of a coworking space. */
  servedKmPerWeek: z.number(),
  unservedKmPerWeek: z.number(),
  nearestCoworkingKm: z.number().nullable(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;
export const rankingReportSchema = z.object({ radiusKm: z.number(), rows: z.array(rankingRowSchema) });
export type RankingReport = z.infer<typeof rankingReportSchema>;
