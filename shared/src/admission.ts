import { z } from 'zod';
import { emailSchema } from './accounts';
import { MUNICIPALITY_NAMES } from './municipalities';
import { line, prose } from './text';

/*
 * Provider admission: a club, parish or company applies to offer rooms; the municipality of its
 * town (or the platform team) admits or declines. Until admitted, its spaces cannot be published.
 */
export const APPLICANT_TYPES = ['club', 'parish', 'company', 'other'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICATION_STATUSES = ['pending', 'admitted', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const requiredLine = (max: number) => line(max).pipe(z.string().min(1, { error: 'text.required' }));
export const MAX_APPLICATION_ROOMS = 20;

export const applicationRoomSchema = z.object({ name: requiredLine(200), description: prose(1000).default('') }).strict();

export const providerApplicationCreateSchema = z
  .object({
    applicantType: z.enum(APPLICANT_TYPES),
    organization: z
      .object({
        name: requiredLine(200),
        street: line(200).optional(),
        postcode: z.string().regex(/^[0-9]{5}$/, { error: 'postcode.invalid' }).optional(),
        municipality: z.enum(MUNICIPALITY_NAMES),
        email: emailSchema.optional(),
        website: z.url({ protocol: /^https?$/ }).max(300).optional(),
      })
      .strict(),
    rooms: z.array(applicationRoomSchema).min(1, { error: 'rooms.required' }).max(MAX_APPLICATION_ROOMS),
    contact: z
      .object({
        name: requiredLine(100),
        email: emailSchema,
        phone: z.string().trim().min(3, { error: 'phone.invalid' }).max(40).regex(/^\+?[0-9 ()/-]+$/, { error: 'phone.invalid' }),
      })
      .strict(),
    message: prose(2000).optional(),
  })
  .strict();
export type ProviderApplicationCreate = z.infer<typeof providerApplicationCreateSchema>;

export const providerApplicationSchema = z.object({
  id: z.uuid(),
  status: z.enum(APPLICATION_STATUSES),
  applicantType: z.enum(APPLICANT_TYPES),
  organization: z.object({ id: z.uuid(), name: z.string(), street: z.string().nullable(), postcode: z.string().nullable(), municipality: z.string(), email: z.string().nullable(), website: z.string().nullable(), status: z.enum(['active', 'suspended']), suspensionReason: z.string().nullable() }),
  rooms: z.array(z.object({ name: z.string(), description: z.string() })),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  message: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ProviderApplication = z.infer<typeof providerApplicationSchema>;

export const providerApplicationListQuerySchema = z.object({ status: z.enum(APPLICATION_STATUSES).optional() }).strict();
export const providerApplicationListSchema = z.object({ items: z.array(providerApplicationSchema) });

export const decisionReasonSchema = z.object({ reason: requiredLine(1000) }).strict();
export type DecisionReason = z.infer<typeof decisionReasonSchema>;

export const organizationStatusSchema = z.object({ id: z.uuid(), status: z.enum(['active', 'suspended']), suspensionReason: z.string().nullable(), affectedBookings: z.number().int() });
export type OrganizationStatus = z.infer<typeof organizationStatusSchema>;
