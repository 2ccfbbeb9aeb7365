import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createBookingClaims, createOrganization, createSpace, createUser } from './testing/fixtures';
import { adminQuery, databaseUrl } from './testing/pg-admin';
import { createTestDatabase } from './testing/test-database';
import { findPgTool } from './pg-tools';

/*
 * `npm run backup` then `npm run restore` into a fresh database gives the same bookings. Needs
 * a pg_dump as new as the server: the run against the machine's PostgreSQL (DATABASE_URL, as in
 * .ci/run) has one; the embedded PostgreSQL 18 usually has none, and the test says so.
 */
const adminUrl = inject('pgAdminUrl');
const serverMajor = await (async () => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
  await client.end();
  return Math.floor(Number(rows[0]!.v) / 10_000);
})();
const missingTool = (() => {
  try {
    findPgTool('pg_dump', serverMajor);
    findPgTool('pg_restore', serverMajor);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
})();

// Said out loud, as a skipped test is easy to overlook in the summary.
if (missingTool) console.warn(`backup/restore test skipped on PostgreSQL ${serverMajor}: ${missingTool}`);

const dir = mkdtempSync(path.join(tmpdir(), 'landraeume-backup-'));
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], url: string) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'backup.cli.ts'), ...args], { env: { ...process.env, DATABASE_URL: url, DATA_DIR: dir } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });

const BOOKINGS = `SELECT id, space_id, resource_id, booker_id, lower(period) AS starts_at, upper(period) AS ends_at, status, purpose FROM bookings ORDER BY id`;

describe(`backup and restore${missingTool ? ` (skipped: ${missingTool})` : ''}`, () => {
  it.skipIf(missingTool)('restores a custom-format dump into a fresh database with the same bookings', async () => {
    const source = await createTestDatabase();
    cleanup.push(() => source.drop());
    const db = source.dataSource;
    const space = await createSpace(db, await createOrganization(db, 'provider'), { desks: 2 });
    const booker = await createUser(db);
    for (const [i, day] of [3, 4, 5].entries()) {
      const start = new Date(Date.UTC(2027, 0, day, 9));
      await createBookingClaims(db, { spaceId: space.id, resourceId: space.resourceIds[i % 2]!, unitIds: [space.resourceIds[i % 2]!], start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), bookerId: booker.id });
    }
    await db.query(`UPDATE bookings SET purpose = 'Sicherung ✓ Ümlaut'`);

    const file = path.join(dir, 'nested', 'landraeume.dump');
    const dumped = await cli(['backup', file], source.url);
    expect(dumped.code, dumped.output).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1000);

    const target = `lr_restore_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${target}`);
    cleanup.push(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${target} WITH (FORCE)`));
    const restored = await cli(['restore', file], databaseUrl(adminUrl, target));
    expect(restored.code, restored.output).toBe(0);

    const copy = new pg.Client({ connectionString: databaseUrl(adminUrl, target) });
    await copy.connect();
    try {
      const original = await db.query(BOOKINGS);
      expect(original).toHaveLength(3);
      expect((await copy.query(BOOKINGS)).rows).toEqual(original);
      // The invariants come back too: the exclusion constraint still refuses an overlap.
      const [claim] = (await db.query(`SELECT unit_id, period::text AS period FROM booking_claims LIMIT 1`)) as [{ unit_id: string; period: string }];
      const [booking] = (await db.query(`SELECT id FROM bookings LIMIT 1`)) as [{ id: string }];
      await expect(copy.query(`INSERT INTO booking_claims (booking_id, unit_id, period) VALUES ($1, $2, $3::tstzrange)`, [booking.id, claim.unit_id, claim.period])).rejects.toMatchObject({ code: '23P01' });
    } finally {
      await copy.end();
    }
  });

  it('refuses a restore without a file', async () => {
    const res = await cli(['restore'], databaseUrl(adminUrl, 'postgres'));
    expect(res.code).toBe(64);
    expect(res.output).toContain('npm run restore');
  });
});
