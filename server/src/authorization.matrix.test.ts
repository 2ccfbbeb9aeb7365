import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PUBLIC_URL, TEST_SESSION_SECRET, type TestApp } from './db/testing/test-app';
import { createMailer } from './notifications/mailer';
import { createBookingClaims, TEST_PASSWORD } from './db/testing/fixtures';
import { createContract } from './db/testing/contract-fixtures';
import { newToken } from './accounts/tokens';
import { buildWorld, invitationFor, PERSONAS, sessionCookie, tokenFor, type Persona, type World } from './db/testing/personas';

/*
 * The authorization matrix: every route the app serves (read from the app's route registry, so
 * a new route without a row here fails this test) against every persona, with the expected
 * allow/deny from one table. Allowed means a 2xx answer to a valid request; denied means 401,
 * 403 or 404. Object-level rows act on club A, whose outsiders must be kept out.
 */

type Ctx = { world: World; persona: Persona; db: TestApp['db']['dataSource'] };
interface Row {
  allow: readonly Persona[];
  params?: (ctx: Ctx) => Promise<Record<string, string>> | Record<string, string>;
  body?: (ctx: Ctx) => Promise<object> | object;
  query?: (ctx: Ctx) => Record<string, string>;
}

const ALL = PERSONAS;
const SIGNED_IN = PERSONAS.filter((p) => p !== 'anonymous');
const VERIFIED = SIGNED_IN.filter((p) => p !== 'unverified');
const unique = () => randomBytes(4).toString('hex');
const ownUserId = ({ world, persona }: Ctx) => (persona === 'anonymous' ? world.target.id : world.users[persona].id);
const ownEmail = ({ world, persona }: Ctx) => (persona === 'anonymous' ? world.target.email : world.users[persona].email);

function seriesBody(world: World) {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 10 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  return { spaceId: world.spaces.providerA, resourceId: world.resources.providerADesk, start: start.toISO(), end: start.plus({ hours: 1 }).toISO(), rrule: 'FREQ=WEEKLY;COUNT=3' };
}

/** A series of the club member's in provider B's room, with one future booking. */
async function seriesInB(db: Ctx['db'], world: World, status: 'pending' | 'confirmed' = 'confirmed'): Promise<string> {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 12 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
  const [series] = await db.query(
    `INSERT INTO booking_series (space_id, resource_id, booker_id, organization_id, rrule, first_start, first_end) VALUES ($1, $2, $3, $4, 'FREQ=WEEKLY;COUNT=1', $5, $6) RETURNING id`,
    [world.spaces.providerB, world.resources.providerBRoom, world.users.clubMember.id, world.orgs.clubA, start.toISO(), start.plus({ hours: 2 }).toISO()],
  );
  const booking = await createBookingClaims(db, { spaceId: world.spaces.providerB, resourceId: world.resources.providerBRoom, unitIds: [world.resources.providerBRoom], start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()!, bookerId: world.users.clubMember.id, organizationId: world.orgs.clubA, status });
  await db.query(`UPDATE bookings SET series_id = $1 WHERE id = $2`, [series.id, booking]);
  return series.id;
}

/** A confirmed booking of the club member's in provider B's room, which is opened with a handed-over key. */
/** A newsletter address waiting for confirmation, and the token its mail would carry. */
async function newsletterToken(db: Ctx['db']): Promise<string> {
  const { token, hash } = newToken();
  await db.query(`INSERT INTO newsletter_signups (email, token_hash) VALUES ($1, $2)`, [`matrix-${hash.toString('hex').slice(0, 12)}@example.org`, hash]);
  return token;
}

async function keyBookingInB(db: Ctx['db'], world: World, keyOut = false): Promise<string> {
  await db.query(`UPDATE spaces SET access_mode = 'key_handover', key_place = 'Rathaus, Bürgerbüro' WHERE id = $1`, [world.spaces.providerB]);
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 5 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
  const booking = await createBookingClaims(db, { spaceId: world.spaces.providerB, resourceId: world.resources.providerBRoom, unitIds: [world.resources.providerBRoom], start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()!, bookerId: world.users.clubMember.id, organizationId: world.orgs.clubA });
  if (keyOut) await db.query(`INSERT INTO booking_access (booking_id, key_out_at) VALUES ($1, now())`, [booking]);
  return booking;
}

const contractOfA = ({ world, db }: Ctx) => createContract(db, { employerId: world.orgs.employerA, spaceIds: [world.spaces.providerA] });
const EMPLOYER_ADMINS: Persona[] = ['employerAdmin', 'platformAdmin'];
async function feedTokenOf(db: Ctx['db'], userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(`UPDATE users SET feed_token = $2 WHERE id = $1`, [userId, token]);
  return token;
}

async function deadJob(db: Ctx['db']): Promise<string> {
  const [job] = await db.query(`INSERT INTO outbox_jobs (kind, key, status, attempts, last_error) VALUES ('booking.mail', $1, 'dead', 8, 'connect ECONNREFUSED') RETURNING id`, [`matrix:${unique()}`]);
  return String(job.id);
}

/** A webhook endpoint of club A (and, with `delivery`, one delivery of it), written directly. */
async function webhookOfA(db: Ctx['db'], world: World, delivery = false): Promise<Record<string, string>> {
  const [hook] = await db.query(`INSERT INTO webhook_endpoints (organization_id, url, events, secret) VALUES ($1, 'http://127.0.0.1:9/hook', '{booking.created}', 'whsec_matrix') RETURNING id`, [world.orgs.clubA]);
  const params: Record<string, string> = { id: world.orgs.clubA, webhookId: hook.id };
  if (delivery) {
    const [row] = await db.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_key, event_type, payload, job_key) VALUES ($1, gen_random_uuid(), $2, 'ping', '{}', $2) RETURNING id`,
      [hook.id, `matrix:${unique()}`],
    );
    params.deliveryId = row.id;
  }
  return params;
}

/** A mail in the development mailbox, addressed to one person; its id is its file name. */
async function mailTo(address: string): Promise<string> {
  const mailer = createMailer({ smtpUrl: undefined, from: 'noreply@example.org', dataDir: t.dataDir, publicUrl: TEST_PUBLIC_URL });
  await mailer.send({ to: address, subject: `Matrix ${unique()}`, text: 'Hallo', html: '<p>Hallo</p>' });
  return readdirSync(path.join(t.dataDir, 'mail')).sort().at(-1)!.replace(/\.eml$/, '');
}

/** A pending application of club A's admin, for a provider not yet admitted. */
async function pendingApplication(db: Ctx['db'], world: World): Promise<string> {
  const [org] = await db.query(`INSERT INTO organizations (kind, name, slug, municipality, admission) VALUES ('provider', 'Pfarrei', $1, 'Nottuln', 'pending') RETURNING id`, [`pfarrei-${unique()}`]);
  const [application] = await db.query(
    `INSERT INTO provider_applications (organization_id, applicant_id, applicant_type, municipality, rooms, contact_name, contact_email, contact_phone)
     VALUES ($1, $2, 'parish', 'Nottuln', '[{"name":"Pfarrheim","description":""}]', 'Petra', 'petra@example.org', '02502 1234') RETURNING id`,
    [org.id, world.users.clubAdmin.id],
  );
  return application.id as string;
}

const suspendedProviderA = async ({ world, db }: Ctx) => {
  await db.query(`UPDATE organizations SET status = 'suspended', suspension_reason = 'Prüfung', suspended_at = now() WHERE id = $1`, [world.orgs.providerA]);
  return { id: world.orgs.providerA };
};
/** A confirmed booking of the club member's at provider A's desk that is open for check-in now. */
const openForCheckIn = ({ world, db }: Ctx) =>
  createBookingClaims(db, {
    spaceId: world.spaces.providerA, resourceId: world.resources.providerADesk, unitIds: [world.resources.providerADesk],
    start: DateTime.now().minus({ minutes: 5 }).toISO()!, end: DateTime.now().plus({ minutes: 55 }).toISO()!, bookerId: world.users.clubMember.id,
  });

/** The slot of the pending request in provider B's room (see buildWorld): taken, so one may wait for it. */
function takenSlotInB(world: World) {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  return { spaceId: world.spaces.providerB, start: start.toISO()!, end: start.plus({ hours: 2 }).toISO()! };
}

/** The club member's waitlist entry; `offered` with a held booking at provider A's desk. */
async function waitlistEntryOf({ world, db }: Ctx, offered: boolean): Promise<string> {
  const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 5 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  const period = { start: start.toISO()!, end: start.plus({ hours: 1 }).toISO()! };
  let bookingId: string | null = null;
  if (offered) {
    bookingId = await createBookingClaims(db, { spaceId: world.spaces.providerA, resourceId: world.resources.providerADesk, unitIds: [world.resources.providerADesk], ...period, bookerId: world.users.clubMember.id });
    await db.query(`UPDATE bookings SET status = 'held', expires_at = now() + interval '30 minutes' WHERE id = $1`, [bookingId]);
  }
  const [entry] = await db.query(
    `INSERT INTO waitlist_entries (user_id, space_id, resource_id, period, status, booking_id) VALUES ($1, $2, $3, tstzrange($4::timestamptz, $5::timestamptz), $6, $7) RETURNING id`,
    [world.users.clubMember.id, world.spaces.providerA, world.resources.providerADesk, period.start, period.end, offered ? 'offered' : 'waiting', bookingId],
  );
  return entry.id;
}

const MATRIX: Record<string, Row> = {
  'GET /healthz': { allow: ALL },
  'GET /readyz': { allow: ALL },
  // Operators only; without METRICS_TOKEN that is any direct loopback request, as these are
  // (metrics.test.ts covers the token and forwarded requests).
  'GET /metrics': { allow: ALL },
  'GET /api/openapi.json': { allow: ALL },
  'GET /api/docs': { allow: ALL },
  'GET /api/spaces': { allow: ALL },
  'GET /api/config': { allow: ALL },
  'GET /api/spaces/:idOrSlug': { allow: ALL, params: ({ world }) => ({ idOrSlug: world.spaces.providerA }) },
  'GET /api/spaces/:id/availability': { allow: ALL, params: ({ world }) => ({ id: world.spaces.providerA }), query: () => ({ from: '2026-12-01T00:00:00+01:00', to: '2026-12-08T00:00:00+01:00' }) },
  'POST /api/auth/register': { allow: ALL, body: () => ({ email: `neu-${unique()}@example.org`, password: 'Sonnenblumenfeld-7', name: 'Neu' }) },
  'POST /api/auth/login': { allow: ALL, body: ({ world }) => ({ email: world.target.email, password: TEST_PASSWORD }) },
  'POST /api/auth/logout': { allow: ALL },
  'GET /api/auth/me': { allow: SIGNED_IN },
  'POST /api/auth/verify-email': { allow: ALL, body: async (ctx) => ({ token: await tokenFor(ctx.db, ownUserId(ctx), 'verify_email') }) },
  'POST /api/auth/verify-email/resend': { allow: SIGNED_IN },
  'POST /api/auth/password-reset/request': { allow: ALL, body: (ctx) => ({ email: ownEmail(ctx) }) },
  'POST /api/auth/password-reset': { allow: ALL, body: async (ctx) => ({ token: await tokenFor(ctx.db, ownUserId(ctx), 'reset_password'), password: 'Neues-Passwort-Heide-9' }) },
  'PATCH /api/me': { allow: SIGNED_IN, body: () => ({ locale: 'en' }) },
  'GET /api/me/export': { allow: SIGNED_IN },
  'DELETE /api/me': { allow: SIGNED_IN },
  'GET /api/organizations': { allow: SIGNED_IN },
  'POST /api/organizations': { allow: ['platformAdmin'], body: () => ({ kind: 'club', name: `Neuer Verein ${unique()}`, firstAdminEmail: `chef-${unique()}@example.org` }) },
  'GET /api/organizations/:id': { allow: ['clubMember', 'clubAdmin', 'platformAdmin'], params: ({ world }) => ({ id: world.orgs.clubA }) },
  'PATCH /api/organizations/:id': { allow: ['platformAdmin'], params: ({ world }) => ({ id: world.orgs.clubA }), body: () => ({ website: 'https://verein.example.org' }) },
  'GET /api/organizations/:id/members': { allow: ['clubAdmin', 'platformAdmin'], params: ({ world }) => ({ id: world.orgs.clubA }) },
  'POST /api/organizations/:id/invitations': {
    allow: ['clubAdmin', 'platformAdmin'],
    params: ({ world }) => ({ id: world.orgs.clubA }),
    body: () => ({ email: `gast-${unique()}@example.org` }),
  },
  'PATCH /api/organizations/:id/members/:userId': {
    allow: ['clubAdmin', 'platformAdmin'],
    params: ({ world }) => ({ id: world.orgs.clubA, userId: world.target.id }),
    body: () => ({ role: 'admin' }),
  },
  'DELETE /api/organizations/:id/members/:userId': { allow: ['clubAdmin', 'platformAdmin'], params: ({ world }) => ({ id: world.orgs.clubA, userId: world.target.id }) },
  'GET /api/organizations/:id/webhooks': { allow: ['clubAdmin', 'platformAdmin'], params: ({ world }) => ({ id: world.orgs.clubA }) },
  'POST /api/organizations/:id/webhooks': { allow: ['clubAdmin', 'platformAdmin'], params: ({ world }) => ({ id: world.orgs.clubA }), body: () => ({ url: 'http://127.0.0.1:9/hook', events: ['booking.created'] }) },
  'PATCH /api/organizations/:id/webhooks/:webhookId': { allow: ['clubAdmin', 'platformAdmin'], params: ({ db, world }) => webhookOfA(db, world), body: () => ({ active: false }) },
  'DELETE /api/organizations/:id/webhooks/:webhookId': { allow: ['clubAdmin', 'platformAdmin'], params: ({ db, world }) => webhookOfA(db, world) },
  'POST /api/organizations/:id/webhooks/:webhookId/rotate-secret': { allow: ['clubAdmin', 'platformAdmin'], params: ({ db, world }) => webhookOfA(db, world) },
  'POST /api/organizations/:id/webhooks/:webhookId/test': { allow: ['clubAdmin', 'platformAdmin'], params: ({ db, world }) => webhookOfA(db, world) },
  'GET /api/organizations/:id/webhooks/:webhookId/deliveries': { allow: ['clubAdmin', 'platformAdmin'], params: ({ db, world }) => webhookOfA(db, world, true) },
  'POST /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliver': { allow: ['clubAdmin', 'platformAdmin'], params: ({ db, world }) => webhookOfA(db, world, true) },
  'POST /api/provider-applications': {
    allow: VERIFIED,
    body: () => ({
      applicantType: 'club',
      organization: { name: `Sportverein ${unique()}`, municipality: 'Nottuln' },
      rooms: [{ name: 'Vereinsheim' }],
      contact: { name: 'Vera Verein', email: 'vera@example.org', phone: '02502 99' },
    }),
  },
  'GET /api/provider-applications': { allow: SIGNED_IN },
  'GET /api/provider-applications/:id': { allow: ['clubAdmin', 'platformAdmin'], params: async ({ world, db }) => ({ id: await pendingApplication(db, world) }) },
  'POST /api/provider-applications/:id/admit': { allow: ['platformAdmin'], params: async ({ world, db }) => ({ id: await pendingApplication(db, world) }), body: () => ({}) },
  'POST /api/provider-applications/:id/decline': { allow: ['platformAdmin'], params: async ({ world, db }) => ({ id: await pendingApplication(db, world) }), body: () => ({ reason: 'Kein Bedarf' }) },
  'POST /api/organizations/:id/suspend': { allow: ['platformAdmin'], params: ({ world }) => ({ id: world.orgs.providerA }), body: () => ({ reason: 'Brandschutz' }) },
  'POST /api/organizations/:id/reinstate': { allow: ['platformAdmin'], params: suspendedProviderA, body: () => ({}) },
  'GET /api/organizations/:id/spaces': { allow: ['providerStaffA', 'platformAdmin'], params: ({ world }) => ({ id: world.orgs.providerA }) },
  'POST /api/spaces': {
    allow: ['providerStaffA', 'platformAdmin'],
    body: ({ world }) => ({ organizationId: world.orgs.providerA, kind: 'meeting_room', name: 'Neuer Raum', street: 'Markt 1', postcode: '48653', municipality: 'Coesfeld', capacity: 12 }),
  },
  'GET /api/spaces/:id/management': { allow: ['providerStaffA', 'platformAdmin'], params: ({ world }) => ({ id: world.spaces.providerA }) },
  'PATCH /api/spaces/:id': { allow: ['providerStaffA', 'platformAdmin'], params: ({ world }) => ({ id: world.spaces.providerA }), body: () => ({ description: 'Neu beschrieben' }) },
  'POST /api/spaces/:id/publish': { allow: ['providerStaffA', 'platformAdmin'], params: ({ world }) => ({ id: world.spaces.providerA }), body: () => ({}) },
  'POST /api/spaces/:id/unpublish': { allow: ['providerStaffA', 'platformAdmin'], params: ({ world }) => ({ id: world.spaces.providerA }), body: () => ({}) },
  'POST /api/spaces/:id/resources': { allow: ['providerStaffA', 'platformAdmin'], params: ({ world }) => ({ id: world.spaces.providerA }), body: () => ({ kind: 'desk', name: 'Platz 9' }) },
  'PATCH /api/spaces/:id/resources/:resourceId': {
    allow: ['providerStaffA', 'platformAdmin'],
    params: ({ world }) => ({ id: world.spaces.providerA, resourceId: world.resources.providerADesk }),
    body: () => ({ active: false }),
  },
  'PUT /api/spaces/:id/opening-hours': {
    allow: ['providerStaffA', 'platformAdmin'],
    params: ({ world }) => ({ id: world.spaces.providerA }),
    body: () => ({ intervals: [{ weekday: 1, opens: '08:00', closes: '12:00' }, { weekday: 1, opens: '13:00', closes: '18:00' }] }),
  },
  'POST /api/spaces/:id/closures': { allow: ['providerStaffA', 'platformAdmin'], params: ({ world }) => ({ id: world.spaces.providerA }), body: () => ({ startsOn: '2027-01-04', endsOn: '2027-01-08', reason: 'Inventur' }) },
  'DELETE /api/spaces/:id/closures/:closureId': {
    allow: ['providerStaffA', 'platformAdmin'],
    params: async ({ world, db }) => {
      const [closure] = await db.query(`INSERT INTO closures (space_id, starts_on, ends_on) VALUES ($1, '2027-02-01', '2027-02-01') RETURNING id`, [world.spaces.providerA]);
      return { id: world.spaces.providerA, closureId: closure.id as string };
    },
  },
  'POST /api/bookings': {
    allow: VERIFIED,
    body: ({ world }) => {
      const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 2 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
      return { spaceId: world.spaces.providerA, start: start.toISO(), end: start.plus({ hours: 1 }).toISO() };
    },
  },
  'GET /api/bookings': { allow: SIGNED_IN },
  'GET /api/bookings/:id': { allow: ['clubMember', 'clubAdmin', 'providerAdminB', 'platformAdmin'], params: ({ world }) => ({ id: world.bookings.pendingInB }) },
  'POST /api/bookings/:id/approve': { allow: ['providerAdminB', 'platformAdmin'], params: ({ world }) => ({ id: world.bookings.pendingInB }), body: () => ({}) },
  'POST /api/bookings/:id/reject': { allow: ['providerAdminB', 'platformAdmin'], params: ({ world }) => ({ id: world.bookings.pendingInB }), body: () => ({ reason: 'Halle belegt' }) },
  'POST /api/bookings/:id/cancel': { allow: ['clubMember', 'providerAdminB', 'platformAdmin'], params: ({ world }) => ({ id: world.bookings.pendingInB }), body: () => ({ reason: 'Ausfall' }) },
  'GET /api/bookings/:id/access': { allow: ['clubMember'], params: async ({ world, db }) => ({ id: await keyBookingInB(db, world) }) },
  'POST /api/bookings/:id/key-out': { allow: ['providerAdminB', 'platformAdmin'], params: async ({ world, db }) => ({ id: await keyBookingInB(db, world) }), body: () => ({}) },
  'POST /api/bookings/:id/key-back': { allow: ['providerAdminB', 'platformAdmin'], params: async ({ world, db }) => ({ id: await keyBookingInB(db, world, true) }), body: () => ({}) },
  'GET /api/organizations/:id/keys': { allow: ['providerAdminB', 'platformAdmin'], params: ({ world }) => ({ id: world.orgs.providerB }) },
  'POST /api/series/preview': { allow: VERIFIED, body: ({ world }) => seriesBody(world) },
  'POST /api/series': { allow: VERIFIED, body: ({ world }) => ({ ...seriesBody(world), onConflict: 'skip' }) },
  'POST /api/series/:id/cancel': { allow: ['clubMember', 'providerAdminB', 'platformAdmin'], params: async ({ world, db }) => ({ id: await seriesInB(db, world) }), body: () => ({ reason: 'Saisonende' }) },
  'POST /api/series/:id/approve': { allow: ['providerAdminB', 'platformAdmin'], params: async ({ world, db }) => ({ id: await seriesInB(db, world, 'pending') }) },
  'POST /api/contracts': {
    allow: ['platformAdmin'],
    body: ({ world }) => ({ employerId: world.orgs.employerA, name: 'Pilot', validFrom: '2026-01-01', validTo: '2027-12-31', spaceIds: [world.spaces.providerA], daysPerEmployee: 4, price: { unit: 'day', cents: 1500 } }),
  },
  'PATCH /api/contracts/:id': { allow: ['platformAdmin'], params: async (ctx) => ({ id: await contractOfA(ctx) }), body: () => ({ daysPerEmployee: 6 }) },
  'GET /api/contracts/:id': { allow: EMPLOYER_ADMINS, params: async (ctx) => ({ id: await contractOfA(ctx) }) },
  'GET /api/contracts/:id/statement': { allow: EMPLOYER_ADMINS, params: async (ctx) => ({ id: await contractOfA(ctx) }), query: () => ({ month: '2026-12' }) },
  'GET /api/organizations/:id/contracts': { allow: EMPLOYER_ADMINS, params: ({ world }) => ({ id: world.orgs.employerA }) },
  'GET /api/organizations/:id/usage': { allow: EMPLOYER_ADMINS, params: ({ world }) => ({ id: world.orgs.employerA }), query: () => ({ month: '2026-12' }) },
  'PUT /api/organizations/:id/workplace': { allow: EMPLOYER_ADMINS, params: ({ world }) => ({ id: world.orgs.employerA }), body: () => ({ lat: 51.9459, lon: 7.1675 }) },
  'GET /api/me/contracts': { allow: SIGNED_IN },
  // Check-in is the booker's alone: the space's staff and the platform see the booking but get 403.
  'POST /api/bookings/:id/check-in': { allow: ['clubMember'], params: async (ctx) => ({ id: await openForCheckIn(ctx) }), body: () => ({}) },
  // The QR code names a desk: only someone with a booking there now gets anything back.
  'POST /api/check-in': {
    allow: ['clubMember'],
    body: async (ctx) => {
      await openForCheckIn(ctx);
      const [row] = await ctx.db.query(`SELECT checkin_token FROM resources WHERE id = $1`, [ctx.world.resources.providerADesk]);
      return { token: row.checkin_token };
    },
  },
  'GET /api/spaces/:id/qr-sheet': { allow: ['providerAdminB', 'platformAdmin'], params: ({ world }) => ({ id: world.spaces.providerB }) },
  'POST /api/waitlist': { allow: VERIFIED, body: ({ world }) => takenSlotInB(world) },
  'GET /api/me/waitlist': { allow: SIGNED_IN },
  'DELETE /api/waitlist/:id': { allow: ['clubMember'], params: async (ctx) => ({ id: await waitlistEntryOf(ctx, false) }) },
  'POST /api/waitlist/:id/accept': { allow: ['clubMember'], params: async (ctx) => ({ id: await waitlistEntryOf(ctx, true) }) },
  'GET /api/me/commute': { allow: SIGNED_IN },
  'GET /api/admin/commute': { allow: ['platformAdmin'], query: () => ({ month: '2026-11' }) },
  'GET /ical/u/:token.ics': { allow: ALL, params: async ({ world, db }) => ({ token: await feedTokenOf(db, world.target.id) }) },
  'GET /ical/spaces/:id.ics': { allow: ALL, params: ({ world }) => ({ id: world.spaces.providerA }) },
  'GET /api/bookings/:id/calendar.ics': { allow: ['clubMember'], params: ({ world }) => ({ id: world.bookings.pendingInB }) },
  'GET /api/me/calendar-feed': { allow: SIGNED_IN },
  'POST /api/me/calendar-feed/rotate': { allow: SIGNED_IN },
  'GET /api/admin/jobs': { allow: ['platformAdmin'], query: () => ({ status: 'dead' }) },
  'POST /api/admin/jobs/:id/retry': { allow: ['platformAdmin'], params: async ({ db }) => ({ id: await deadJob(db) }) },
  'GET /api/dev/mails': { allow: SIGNED_IN },
  'GET /api/dev/mails/:id': { allow: ['clubMember', 'platformAdmin'], params: async ({ world }) => ({ id: await mailTo(world.users.clubMember.email) }) },
  'GET /api/survey': { allow: ALL, query: () => ({ browserKey: `matrix-browser-key-${unique()}-abcdef` }) },
  'POST /api/survey/responses': { allow: ALL, body: () => ({ browserKey: `matrix-browser-key-${unique()}-abcdef`, answers: { home_postcode: '48653', commute_mode: 'car' } }) },
  'POST /api/newsletter/confirm': { allow: ALL, body: async ({ db }) => ({ token: await newsletterToken(db) }) },
  'GET /api/admin/survey': { allow: ['platformAdmin'] },
  'PATCH /api/admin/survey': { allow: ['platformAdmin'], body: () => ({ open: true }) },
  'POST /api/admin/survey/questions': {
    allow: ['platformAdmin'],
    body: () => ({ key: `q_${unique()}`, type: 'number', label: { de: 'Wie viele?', en: 'How many?' }, min: 0, max: 9 }),
  },
  'PATCH /api/admin/survey/questions/:key': { allow: ['platformAdmin'], params: () => ({ key: 'commute_km' }), body: () => ({ label: { de: 'Arbeitsweg in km', en: 'Commute in km' } }) },
  'GET /api/reports/demand': { allow: ['platformAdmin'], query: () => ({ month: '2026-11' }) },
  'GET /api/reports/occupancy': { allow: ['platformAdmin'], query: () => ({ month: '2026-11', threshold: '0.2' }) },
  'GET /api/reports/coworking-ranking': { allow: ['platformAdmin'], query: () => ({ radiusKm: '3' }) },
  'POST /api/invitations/accept': { allow: SIGNED_IN, body: async (ctx) => ({ token: await invitationFor(ctx.db, ctx.world.orgs.employerA, ownEmail(ctx)) }) },
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const routeKey = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;

describe('authorization matrix', () => {
  it('has a row for every route the app serves, and no row for a route that is gone', () => {
    const served = t.routes.map(routeKey).sort();
    expect(served).toEqual(Object.keys(MATRIX).sort());
  });

  it('lets exactly the listed personas through on every route', async () => {
    const failures: string[] = [];
    for (const route of t.routes) {
      const row = MATRIX[routeKey(route)]!;
      for (const persona of PERSONAS) {
        const world = await buildWorld(t.db.dataSource);
        const ctx: Ctx = { world, persona, db: t.db.dataSource };
        const path = Object.entries((await row.params?.(ctx)) ?? {}).reduce((p, [name, value]) => p.replace(`:${name}`, value), route.path);
        let req = request(t.app)[route.method](path).query(row.query?.(ctx) ?? {});
        if (persona !== 'anonymous') req = req.set('Cookie', await sessionCookie(t.db.dataSource, world.users[persona].id, TEST_SESSION_SECRET));
        const body = await row.body?.(ctx);
        const res = await (body ? req.send(body) : req);
        const allowed = row.allow.includes(persona);
        const ok = allowed ? res.status >= 200 && res.status < 300 : [401, 403, 404].includes(res.status);
        if (!ok) failures.push(`${routeKey(route)} as ${persona}: expected ${allowed ? '2xx' : '401/403/404'}, got ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
