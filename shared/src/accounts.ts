import { z } from 'zod';

/*
 * Messages here are keys, not prose: the server translates them into the caller's language
 * (German first, English second) and the client shows the translation it receives.
 */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const emailSchema = z
  .string({ error: 'email.required' })
  .trim()
  .max(254, { error: 'email.invalid' })
  .pipe(z.email({ error: 'email.invalid' }));

export const passwordSchema = z
  .string({ error: 'password.required' })
  .min(PASSWORD_MIN_LENGTH, { error: 'password.too_short' })
  .max(PASSWORD_MAX_LENGTH, { error: 'password.too_long' });

export const displayNameSchema = z
  .string({ error: 'name.required' })
  .trim()
  .min(1, { error: 'name.required' })
  .max(100, { error: 'name.too_long' })
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: 'text.control_characters' });

export const localeSchema = z.enum(LOCALES, { error: 'locale.invalid' });

const tokenSchema = z.string({ error: 'token.invalid' }).regex(/^[A-Za-z0-9_-]{20,200}$/, { error: 'token.invalid' });

export const registerSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    name: displayNameSchema,
    locale: localeSchema.optional(),
    invitationToken: tokenSchema.optional(),
  })
  .strict();
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict();
export type LoginInput = z.infer<typeof loginSchema>;

export const tokenBodySchema = z.object({ token: tokenSchema }).strict();
export const passwordResetRequestSchema = z.object({ email: emailSchema }).strict();
export const passwordResetSchema = z.object({ token: tokenSchema, password: passwordSchema }).strict();

const postcodeSchema = z.string().regex(/^[0-9]{5}$/, { error: 'postcode.invalid' });

export const profileUpdateSchema = z
  .object({
    name: displayNameSchema.optional(),
    locale: localeSchema.optional(),
    homePostcode: postcodeSchema.nullable().optional(),
    homeLocation: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict().nullable().optional(),
    /** Whether the employer may see one's own commute figures (never without this opt-in). */
    shareCommute: z.boolean().optional(),
  })
  .strict();
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const ORGANIZATION_KINDS = ['municipality', 'provider', 'employer', 'club', 'platform'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ROLES = ['admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const membershipSchema = z.object({
  organizationId: z.string().uuid(),
  organizationName: z.string(),
  organizationKind: z.enum(ORGANIZATION_KINDS),
  role: z.enum(ROLES),
});
export type MembershipView = z.infer<typeof membershipSchema>;

export const meSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  emailVerified: z.boolean(),
  homePostcode: z.string().nullable(),
  homeLocation: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  shareCommute: z.boolean(),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;
