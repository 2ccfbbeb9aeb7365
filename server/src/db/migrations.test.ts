import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { hashToken } from '../accounts/tokens';
import { createDataSource } from './data-source';
import { adminQuery, databaseUrl } from './testing/pg-admin';

const name = `lr_migrate_${randomBytes(6).toString('hex')}`;
const adminUrl = inject('pgAdminUrl');
const dataSource = createDataSource(databaseUrl(adminUrl, name), { poolSize: 2 });

afterAll(async () => {
  if (dataSource.isInitialized) await dataSource.destroy();
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

const tables = async () =>
  ((await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)) as { tablename: string }[]).map((r) => r.tablename);

describe('migrations', () => {
  it('build the whole schema on an empty database', async () => {
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    await dataSource.initialize();
    expect(await tables()).toEqual([]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.length).toBeGreaterThan(0);
    expect(await tables()).toEqual(expect.arrayContaining(['organizations', 'users', 'memberships', 'spaces', 'resources', 'opening_hours', 'closures', 'audit_events', 'sessions', 'user_tokens', 'invitations', 'rate_limits', 'bookings', 'booking_claims']));
    const extensions = (await dataSource.query(`SELECT extname FROM pg_extension`)) as { extname: string }[];
    expect(extensions.map((e) => e.extname)).toContain('btree_gist');
  });

  it('apply nothing the second time', async () => {
    expect(await dataSource.runMigrations({ transaction: 'each' })).toEqual([]);
  });

  it('can be reverted to empty and applied again', async () => {
    while ((await dataSource.query(`SELECT count(*)::int AS n FROM typeorm_migrations`))[0].n > 0) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['typeorm_migrations']);
    expect((await dataSource.runMigrations({ transaction: 'each' })).length).toBeGreaterThan(0);
  });

  it('let the database refuse overlapping opening hours for one weekday', async () => {
    const [org] = await dataSource.query(`INSERT INTO organizations (kind, name, slug) VALUES ('municipality', 'Gemeinde Test', 'gemeinde-test') RETURNING id`);
    const [space] = await dataSource.query(
      `INSERT INTO spaces (organization_id, kind, name, slug, street, postcode, town, municipality, lat, lon, capacity)
       VALUES ($1, 'meeting_room', 'Raum', 'raum', 'Markt 1', '48653', 'Coesfeld', 'Coesfeld', 51.9, 7.1, 10) RETURNING id`,
      [org.id],
    );
    await dataSource.query(`INSERT INTO opening_hours (space_id, weekday, opens, closes) VALUES ($1, 1, '08:00', '12:00'), ($1, 1, '13:00', '18:00')`, [space.id]);
    await expect(dataSource.query(`INSERT INTO opening_hours (space_id, weekday, opens, closes) VALUES ($1, 1, '11:00', '14:00')`, [space.id])).rejects.toMatchObject({ code: '23P01' });
  });

  it('let the database refuse two active claims on one unit at overlapping times', async () => {
    const [space] = await dataSource.query(`SELECT id FROM spaces WHERE slug = 'raum'`);
    const [unit] = await dataSource.query(`INSERT INTO resources (space_id, kind, name) VALUES ($1, 'room', 'Raum') RETURNING id`, [space.id]);
    const book = async (from: string, to: string) => {
      const [booking] = await dataSource.query(`INSERT INTO bookings (space_id, resource_id, period, status) VALUES ($1, $2, tstzrange($3, $4), 'confirmed') RETURNING id`, [space.id, unit.id, from, to]);
      await dataSource.query(`INSERT INTO booking_claims (booking_id, unit_id, period) VALUES ($1, $2, tstzrange($3, $4))`, [booking.id, unit.id, from, to]);
      return booking.id as string;
    };
    const first = await book('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z');
    await book('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z');
    await expect(book('2026-12-01T09:30:00Z', '2026-12-01T10:30:00Z')).rejects.toMatchObject({ code: '23P01' });
    await dataSource.query(`UPDATE booking_claims SET active = false WHERE booking_id = $1`, [first]);
    await expect(book('2026-12-01T08:30:00Z', '2026-12-01T09:30:00Z')).resolves.toEqual(expect.any(String));
  });

  it('ask each newsletter address given before the double opt-in to confirm it, once', async () => {
    const applied = async () => ((await dataSource.query(`SELECT name FROM typeorm_migrations`)) as { name: string }[]).map((r) => r.name);
    while ((await applied()).includes('NewsletterConfirmation1764000020000')) await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.query(`INSERT INTO newsletter_signups (email, created_on) VALUES ('frueher@example.org', '2026-01-10')`);
    await dataSource.runMigrations({ transaction: 'each' });
    const [signup] = await dataSource.query(`SELECT id, token_hash, confirmed_on, created_on = (now() AT TIME ZONE 'Europe/Berlin')::date AS week_starts_today FROM newsletter_signups`);
    expect(signup).toMatchObject({ confirmed_on: null, week_starts_today: true });
    const jobs = (await dataSource.query(`SELECT key, payload FROM outbox_jobs WHERE kind = 'newsletter.confirm_mail'`)) as { key: string; payload: { signupId: string; token: string } }[];
    expect(jobs).toEqual([{ key: `newsletter.confirm_mail:${signup.id}`, payload: { signupId: signup.id, token: expect.stringMatching(/^[0-9a-f]{64}$/) } }]);
    expect(signup.token_hash).toEqual(hashToken(jobs[0]!.payload.token));
  });
});
