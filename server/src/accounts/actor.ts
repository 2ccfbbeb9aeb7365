import type { DataSource } from 'typeorm';
import { prepare, runPrepared } from '../db/prepared';
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

interface ActorRow {
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
  email_verified_at: Date | null;
  memberships: ActorMembership[];
}

/** Read on every request of a signed-in person, so planned once per connection (db/prepared.ts). */
const ACTOR = prepare(
  'actor',
  `SELECT u.id, u.email, u.display_name, u.locale, u.email_verified_at,
          coalesce(json_agg(json_build_object('organizationId', o.id, 'organizationName', o.name, 'organizationKind', o.kind, 'role', m.role)
                   ORDER BY o.name) FILTER (WHERE o.id IS NOT NULL), '[]') AS memberships
     FROM users u
     LEFT JOIN memberships m ON m.user_id = u.id
     LEFT JOIN organizations o ON o.id = m.organization_id
    WHERE u.id = $1 AND u.deleted_at IS NULL
    GROUP BY u.id`,
);

export async function loadActor(db: DataSource, userId: string): Promise<Actor | undefined> {
  const [row] = (await runPrepared(db, ACTOR, [userId])) as ActorRow[];
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    name: row.display_name,
    locale: row.locale,
    emailVerified: row.email_verified_at !== null,
    memberships: row.memberships,
  };
}
