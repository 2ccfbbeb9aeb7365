import { z } from 'zod';
import { ROLES } from './accounts';
import { bookingSchema } from './bookings';
import { memberSchema, organizationSchema } from './organizations';
import { managedSpaceSummarySchema } from './space-management';
import { resourceSchema } from './spaces';

/*
 * Answers that have no schema of their own elsewhere; with the others they describe every
 * successful response in the API document.
 */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const organizationListSchema = itemsOf(organizationSchema);
export const memberListSchema = itemsOf(memberSchema);
export const managedSpaceListSchema = itemsOf(managedSpaceSummarySchema);

export const invitationSchema = z.object({ id: z.uuid(), email: z.string(), role: z.enum(ROLES), expiresAt: z.string() });
export const invitationAcceptedSchema = z.object({ organizationId: z.uuid() });
export const seriesCancelledSchema = z.object({ cancelled: z.array(bookingSchema) });
export const seriesApprovedSchema = z.object({ approved: z.array(bookingSchema) });

/** What the browser needs to know of the server's configuration: where the search map's tiles come from. */
export const clientConfigSchema = z.object({ map: z.object({ tileUrl: z.string(), attribution: z.string() }) });
export type ClientConfig = z.infer<typeof clientConfigSchema>;
export const DEFAULT_MAP_TILES: ClientConfig['map'] = { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' };

/** The GDPR export: everything held about the person, grouped by kind. */
export const personalDataExportSchema = z.record(z.string(), z.unknown());

export const healthSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({ status: z.literal('ready'), database: z.literal('ok') });
/** A new resource with the parts it was divided into. */
export const createdResourceSchema = resourceSchema.extend({ parts: z.array(resourceSchema) });
