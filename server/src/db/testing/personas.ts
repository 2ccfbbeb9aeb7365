import { randomBytes, randomUUID } from 'node:crypto';
import { sign } from 'cookie-signature';
import type { DataSource } from 'typeorm';
import { newToken } from '../../accounts/tokens';
import { SESSION_COOKIE } from '../../accounts/session';
import { DateTime } from 'luxon';
import { addMember, createBookingClaims, createOrganization, createSpace, createUser, type TestUser } from './fixtures';

/** Everyone the authorization matrix asks about. */
export const PERSONAS = [
  'anonymous',
  'unverified',
  'verified',
  'clubMember',
  'clubAdmin',
  'employee',
  'employerAdmin',
  'providerStaffA',
  'providerAdminB',
  'platformAdmin',
] as const;
export type Persona = (typeof PERSONAS)[number];

export interface World {
  orgs: { platform: string; clubA: string; employerA: string; providerA: string; providerB: string };
  users: Record<Exclude<Persona, 'anonymous'>, TestUser>;
  /** A plain member of club A that admins may act on. */
  target: TestUser;
  /** A published coworking space of provider A with two desks, open every day 08:00–18:00. */
  spaces: { providerA: string; providerB: string };
  resources: { providerADesk: string; providerBRoom: string };
  /** A pending request by the club member for club A in provider B's room (approval required). */
  bookings: { pendingInB: string };
}

/**
 * A small, fresh world per check, so that one persona's allowed change (leaving, deleting the
 * account) cannot change what the next persona sees. Every organization has a second admin,
 * so that nobody is the last admin by accident.
 */
export async function buildWorld(db: DataSource): Promise<World> {
  const suffix = randomBytes(3).toString('hex');
  const orgs = {
    platform: await createOrganization(db, 'platform', `Plattform ${suffix}`),
    clubA: await createOrganization(db, 'club', `Verein A ${suffix}`),
    employerA: await createOrganization(db, 'employer', `Arbeitgeber A ${suffix}`),
    providerA: await createOrganization(db, 'provider', `Anbieter A ${suffix}`),
    providerB: await createOrganization(db, 'provider', `Anbieter B ${suffix}`),
  };
  const user = (verified = true) => createUser(db, { verified });
  const users = {
    unverified: await user(false),
    verified: await user(),
    clubMember: await user(),
    clubAdmin: await user(),
    employee: await user(),
    employerAdmin: await user(),
    providerStaffA: await user(),
    providerAdminB: await user(),
    platformAdmin: await user(),
  };
  const target = await user();
  const memberships: [TestUser, string, 'admin' | 'member'][] = [
    [users.clubMember, orgs.clubA, 'member'],
    [users.clubAdmin, orgs.clubA, 'admin'],
    [target, orgs.clubA, 'member'],
    [users.employee, orgs.employerA, 'member'],
    [users.employerAdmin, orgs.employerA, 'admin'],
    [users.providerStaffA, orgs.providerA, 'member'],
    [users.providerAdminB, orgs.providerB, 'admin'],
    [users.platformAdmin, orgs.platform, 'admin'],
  ];
  for (const [u, org, role] of memberships) await addMember(db, u.id, org, role);
  for (const org of Object.values(orgs)) await addMember(db, (await user()).id, org, 'admin');
  const space = await createSpace(db, orgs.providerA, { desks: 2 });
  const room = await createSpace(db, orgs.providerB, { room: { capacity: 30 }, approval: 'required' });
  const roomId = room.resourceIds[0]!;
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  const pendingInB = await createBookingClaims(db, {
    spaceId: room.id, resourceId: roomId, unitIds: [roomId], start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()!, bookerId: users.clubMember.id, organizationId: orgs.clubA, status: 'pending',
  });
  return {
    orgs, users, target,
    spaces: { providerA: space.id, providerB: room.id },
    resources: { providerADesk: space.resourceIds[0]!, providerBRoom: roomId },
    bookings: { pendingInB },
  };
}

/** A signed session cookie made directly in the store: the matrix checks rules, not argon2's speed. */
export async function sessionCookie(db: DataSource, userId: string, secret: string): Promise<string> {
  const sid = randomUUID();
  const expires = new Date(Date.now() + 3_600_000);
  await db.query(`INSERT INTO sessions (sid, sess, expire) VALUES ($1, $2, $3)`, [
    sid,
    JSON.stringify({ cookie: { originalMaxAge: 3_600_000, expires, httpOnly: true, path: '/', sameSite: 'lax' }, passport: { user: userId } }),
    expires,
  ]);
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${sign(sid, secret)}`)}`;
}

export async function tokenFor(db: DataSource, userId: string, purpose: 'verify_email' | 'reset_password'): Promise<string> {
  const { token, hash } = newToken();
  await db.query(`INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`, [hash, userId, purpose]);
  return token;
}

export async function invitationFor(db: DataSource, organizationId: string, email: string): Promise<string> {
  const { token, hash } = newToken();
  await db.query(`INSERT INTO invitations (token_hash, organization_id, email, role, expires_at) VALUES ($1, $2, $3, 'member', now() + interval '1 day')`, [
    hash,
    organizationId,
    email,
  ]);
  return token;
}
