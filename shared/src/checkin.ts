import { z } from 'zod';

/** A resource's check-in token as printed in its QR code: 64 hex characters. */
export const checkInTokenSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'token.invalid' });

export const checkInByTokenSchema = z.object({ token: checkInTokenSchema }).strict();
export type CheckInByToken = z.infer<typeof checkInByTokenSchema>;

export const qrSheetParamsSchema = z.object({ id: z.uuid({ error: 'id.invalid' }) }).strict();

/** The printable QR sheet of a space, for its admins: one code per bookable resource. */
export const qrSheetSchema = z.object({
  space: z.object({ id: z.uuid(), name: z.string(), noShowGraceMinutes: z.number().int().nullable() }),
  resources: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(['desk', 'room', 'part']),
      /** The address the code encodes: the client's check-in page with the resource's token. */
      checkInUrl: z.string(),
      /** The QR code as an SVG document. */
      qrSvg: z.string(),
    }),
  ),
});
export type QrSheet = z.infer<typeof qrSheetSchema>;
