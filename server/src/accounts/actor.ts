import { prepare, runPrepared } from '../db/prepared';
import type { Queryable } from '../db/queryable';
import type { Locale, OrganizationKind, Role } from '@landraeume/shared';

export interface ActorMembership {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: Role;
}

/** The signed-in person as every permission check sees them: who, verified or not, and where they belong. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  emailVerified: boolean;
  memberships: ActorMembership[];
}

declare global {
  namespace Express {
    // passport puts the deserialized actor on req.user
    interface User extends Actor {}
  }
}

export interface ActorRow {
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
  email_verified_at: Date | null;
  memberships: ActorMembership[];
}

/** The signed-in person with the id `userId` (an SQL expression), as one row of ActorRow's columns. */
export const actorOf = (userId: string) => `
  SELECT u.id, u.email, u.display_name, u.locale, u.email_verified_at,
         coalesce(json_agg(json_build_object('organizationId', o.id, 'organizationName', o.name, 'organizationKind', o.kind, 'role', m.role)
                  ORDER BY o.name) FILTER (WHERE o.id IS NOT NULL), '[]') AS memberships
    FROM users u
    LEFT JOIN memberships m ON m.user_id = u.id
    LEFT JOIN organizations o ON o.id = m.organization_id
   WHERE u.id = ${userId} AND u.deleted_at IS NULL
   GROUP BY u.id`;

/** Read for a signed-in person whose session did not bring them along, planned once per connection (db/prepared.ts). */
const ACTOR = prepare('actor', actorOf('$1'));

export function actorFromRow(row: ActorRow): Actor {
  return {
    id: row.id,
    email: row.email,
    name: row.display_name,
    locale: row.locale,
    emailVerified: row.email_verified_at !== null,
    memberships: row.memberships,
  };
}

export async function loadActor(db: Queryable, userId: string): Promise<Actor | undefined> {
  const [row] = (await runPrepared(db, ACTOR, [userId])) as ActorRow[];
  return row && actorFromRow(row);
}
