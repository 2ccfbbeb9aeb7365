import { randomBytes } from 'node:crypto';
import type { OrganizationKind, Role } from '@landraeume/shared';
import request from 'supertest';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../accounts/passwords';

export const TEST_PASSWORD = 'Kirschbaum-Allee-42';

/** argon2 is slow on purpose; every test user shares one hash of the same password. */
let sharedHash: Promise<string> | undefined;
const passwordHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

const unique = () => randomBytes(8).toString('hex');

export interface TestUser {
  id: string;
  email: string;
}

export async function createUser(db: DataSource, options: { verified?: boolean; email?: string; name?: string; locale?: 'de' | 'en' } = {}): Promise<TestUser> {
  const email = options.email ?? `user-${unique()}@example.org`;
  const [row] = (await db.query(
    `INSERT INTO users (email, display_name, password_hash, locale, email_verified_at) VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
    [email, options.name ?? 'Erika Mustermann', await passwordHash(), options.locale ?? 'de', options.verified ?? true],
  )) as [{ id: string }];
  return { id: row.id, email };
}

export async function createOrganization(db: DataSource, kind: OrganizationKind, name = `Org ${unique()}`): Promise<string> {
  const [row] = (await db.query(`INSERT INTO organizations (kind, name, slug) VALUES ($1, $2, $3) RETURNING id`, [kind, name, `org-${unique()}`])) as [{ id: string }];
  return row.id;
}

export async function addMember(db: DataSource, userId: string, organizationId: string, role: Role): Promise<void> {
  await db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3)`, [userId, organizationId, role]);
}

/** A supertest agent that keeps the session cookie, signed in as the user. */
export async function signIn(app: Express, email: string, password = TEST_PASSWORD) {
  const agent = request.agent(app);
  await agent.post('/api/auth/login').send({ email, password }).expect(200);
  return agent;
}

/** The single-use token of a link in a mail, e.g. of `/konto/bestaetigen?token=…`. */
export function tokenFromMail(mail: { text: string }, pathname: string): string {
  const match = new RegExp(`${pathname.replace(/[/?]/g, (c) => `\\${c}`)}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${pathname} link in mail:\n${mail.text}`);
  return match[1];
}

export async function mailTo(t: { mails(): Promise<{ to: string; subject: string; text: string }[]> }, address: string) {
  const mails = (await t.mails()).filter((m) => m.to === address.toLowerCase());
  if (mails.length === 0) throw new Error(`no mail to ${address}`);
  return mails[mails.length - 1]!;
}

export interface SpaceFixtureOptions {
  kind?: 'coworking' | 'meeting_room' | 'event_room' | 'sports_hall' | 'workshop' | 'other';
  desks?: number;
  /** A room resource; with `parts` it is divisible into that many parts. */
  room?: { capacity: number; parts?: number };
  municipality?: string;
  lat?: number;
  lon?: number;
  capacity?: number;
  amenities?: string[];
  name?: string;
  description?: string;
  published?: boolean;
  approval?: 'instant' | 'required';
  holidaysClosed?: boolean;
  /** Weekly hours; every day 08:00–18:00 unless given. */
  opening?: { weekday: number; opens: string; closes: string }[];
}

export interface SpaceFixture {
  id: string;
  slug: string;
  /** Desks, or the room followed by its parts. */
  resourceIds: string[];
}

export async function createSpace(db: DataSource, organizationId: string, options: SpaceFixtureOptions = {}): Promise<SpaceFixture> {
  const slug = `raum-${unique()}`;
  const kind = options.kind ?? (options.room ? 'meeting_room' : 'coworking');
  const [space] = (await db.query(
    `INSERT INTO spaces (organization_id, kind, name, slug, description, street, postcode, town, municipality, lat, lon, capacity, amenities, approval, holidays_closed, published, slot_minutes, min_duration_minutes)
     VALUES ($1, $2, $3, $4, $5, 'Markt 1', '48653', $6, $6, $7, $8, $9, $10, $11, $12, $13, 30, 30) RETURNING id`,
    [
      organizationId, kind, options.name ?? `Testraum ${slug}`, slug, options.description ?? '', options.municipality ?? 'Coesfeld', options.lat ?? 51.9459, options.lon ?? 7.1675,
      options.capacity ?? 20, options.amenities ?? [], options.approval ?? 'instant', options.holidaysClosed ?? true, options.published ?? true,
    ],
  )) as [{ id: string }];
  const resourceIds: string[] = [];
  const addResource = async (resourceKind: string, name: string, capacity: number | null, parentId: string | null) => {
    const [row] = (await db.query(`INSERT INTO resources (space_id, parent_id, kind, name, capacity) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [space.id, parentId, resourceKind, name, capacity])) as [{ id: string }];
    resourceIds.push(row.id);
    return row.id;
  };
  for (let i = 1; i <= (options.desks ?? 0); i++) await addResource('desk', `Platz ${i}`, 1, null);
  if (options.room) {
    const roomId = await addResource('room', 'Raum', options.room.capacity, null);
    for (let i = 1; i <= (options.room.parts ?? 0); i++) await addResource('part', `Teil ${i}`, Math.floor(options.room.capacity / (options.room.parts ?? 1)), roomId);
  }
  const opening = options.opening ?? [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '18:00' }));
  for (const interval of opening) await db.query(`INSERT INTO opening_hours (space_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)`, [space.id, interval.weekday, interval.opens, interval.closes]);
  return { id: space.id, slug, resourceIds };
}

/** A confirmed booking with its claims, written directly: for tests of what reads bookings. */
export async function createBookingClaims(
  db: DataSource,
  booking: { spaceId: string; resourceId: string; unitIds: string[]; start: string; end: string; bookerId?: string; organizationId?: string; status?: 'pending' | 'confirmed' },
): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO bookings (space_id, resource_id, booker_id, organization_id, period, status, expires_at)
     VALUES ($1, $2, $3, $4, tstzrange($5::timestamptz, $6::timestamptz), $7, CASE WHEN $7 = 'pending' THEN now() + interval '72 hours' END) RETURNING id`,
    [booking.spaceId, booking.resourceId, booking.bookerId ?? null, booking.organizationId ?? null, booking.start, booking.end, booking.status ?? 'confirmed'],
  )) as [{ id: string }];
  for (const unitId of booking.unitIds) {
    await db.query(`INSERT INTO booking_claims (booking_id, unit_id, period) VALUES ($1, $2, tstzrange($3::timestamptz, $4::timestamptz))`, [row.id, unitId, booking.start, booking.end]);
  }
  return row.id;
}
