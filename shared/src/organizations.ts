import { z } from 'zod';
import { ORGANIZATION_KINDS, ROLES, emailSchema } from './accounts';
import { MUNICIPALITY_NAMES } from './municipalities';

export const organizationCreateSchema = z
  .object({
    kind: z.enum(ORGANIZATION_KINDS),
    name: z.string().trim().min(1).max(200),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80).optional(),
    street: z.string().trim().max(200).optional(),
    postcode: z.string().regex(/^[0-9]{5}$/, { error: 'postcode.invalid' }).optional(),
    town: z.string().trim().max(100).optional(),
    municipality: z.enum(MUNICIPALITY_NAMES).optional(),
    email: emailSchema.optional(),
    website: z.url({ protocol: /^https?$/ }).max(300).optional(),
    firstAdminEmail: emailSchema,
  })
  .strict();
export type OrganizationCreate = z.infer<typeof organizationCreateSchema>;

export const ORGANIZATION_STATUSES = ['active', 'suspended'] as const;

/** What the platform team may change later; the kind and the slug stay (links and rules hang on them). Null clears a field. */
export const organizationUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    street: z.string().trim().max(200).nullable().optional(),
    postcode: z.string().regex(/^[0-9]{5}$/, { error: 'postcode.invalid' }).nullable().optional(),
    town: z.string().trim().max(100).nullable().optional(),
    municipality: z.enum(MUNICIPALITY_NAMES).nullable().optional(),
    email: emailSchema.nullable().optional(),
    website: z.url({ protocol: /^https?$/ }).max(300).nullable().optional(),
  })
  .strict();
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;

export const organizationSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string(),
  slug: z.string(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  municipality: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  status: z.enum(ORGANIZATION_STATUSES),
});
export type Organization = z.infer<typeof organizationSchema>;

export const memberSchema = z.object({ userId: z.string().uuid(), name: z.string(), email: z.string(), role: z.enum(ROLES), since: z.string() });
export type Member = z.infer<typeof memberSchema>;

export const invitationCreateSchema = z.object({ email: emailSchema, role: z.enum(ROLES).default('member') }).strict();
export type InvitationCreate = z.infer<typeof invitationCreateSchema>;

export const roleChangeSchema = z.object({ role: z.enum(ROLES) }).strict();

export const idParamsSchema = z.object({ id: z.string().uuid({ error: 'id.invalid' }) });
export const memberParamsSchema = z.object({ id: z.string().uuid({ error: 'id.invalid' }), userId: z.string().uuid({ error: 'id.invalid' }) });
