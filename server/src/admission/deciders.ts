import type { Queryable } from '../db/queryable';

/** The towns whose municipality organization the user administers: where they decide on providers. */
export async function administeredTowns(db: Queryable, userId: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT DISTINCT o.municipality FROM memberships m JOIN organizations o ON o.id = m.organization_id
      WHERE m.user_id = $1 AND m.role = 'admin' AND o.kind = 'municipality' AND o.municipality IS NOT NULL`,
    [userId],
  )) as { municipality: string }[];
  return rows.map((r) => r.municipality);
}
