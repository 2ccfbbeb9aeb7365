import type { Claim } from '../availability/availability.types';
import type { Queryable } from '../db/queryable';
import { prepare, runPrepared } from '../db/prepared';
import { FIXED_PARTS, type CatalogEntry, type FixedPartsJson, type SpaceCatalog } from './space-catalog';
import { blockingClaimsJson, claimsOf, type ClaimTuple } from './space-calendar.repository';
import { isUuid } from './space-loader';

/**
 * A space's calendar version and its claims in a window, in one statement; the fixed parts only
 * when the version is not the one the caller already holds ($4).
 */
const windowOf = (where: string) => `
  SELECT s.calendar_version::text AS version,
         CASE WHEN s.calendar_version IS DISTINCT FROM $4::bigint THEN ${FIXED_PARTS} END AS fixed,
         ${blockingClaimsJson('s', '$2', '$3')} AS claims
    FROM spaces s WHERE ${where}`;
const WINDOW_BY_ID = prepare('space-window-by-id', windowOf('s.id = $1::uuid'));
const WINDOW_BY_SLUG = prepare('space-window-by-slug', windowOf('s.slug = $1'));

export interface SpaceWindow {
  entry: CatalogEntry;
  claims: Claim[];
}

/** A space (by id or slug) with the claims that block bookings in the window; undefined when there is none. */
export async function loadSpaceWindow(db: Queryable, catalog: SpaceCatalog, ref: string, window: { from: string; to: string }): Promise<SpaceWindow | undefined> {
  const statement = isUuid(ref) ? WINDOW_BY_ID : WINDOW_BY_SLUG;
  for (let hint = catalog.hint(ref); ; hint = null) {
    const [row] = (await runPrepared(db, statement, [ref, window.from, window.to, hint])) as { version: string; fixed: FixedPartsJson | null; claims: ClaimTuple[] }[];
    if (!row) return undefined;
    const entry = row.fixed ? catalog.remember(row.version, row.fixed) : catalog.at(row.version);
    // Without a hint the fixed parts always come; with one, the entry may have been let go meanwhile.
    if (entry) return { entry, claims: claimsOf(row.claims) };
  }
}
