import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createSpace, createUser, createBookingClaims } from '../db/testing/fixtures';
import { startServerProcess, type ServerProcess } from '../db/testing/server-process';
import { SmtpSink } from '../db/testing/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../db/testing/test-database';

/*
 * A worker process killed (SIGKILL, no goodbye) while its mail server has the message but has
 * not yet said "250 OK": the job's transaction dies with the process, the job stays pending, the
 * next worker sends it, and the booker gets exactly one mail.
 */

const sink = new SmtpSink();
const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-fault-worker-'));
let db: TestDatabase;
const workers: ServerProcess[] = [];

const until = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const startWorker = async () => {
  const worker = await startServerProcess({ ROLE: 'worker', DATABASE_URL: db.url, DATA_DIR: dataDir, SMTP_URL: sink.url, DEMO_DATA: 'false', REMINDER_HOURS: '0' });
  workers.push(worker);
  return worker;
};

beforeAll(async () => {
  await sink.start();
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  await sink.stop();
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a worker killed in the middle of a job', () => {
  it('leaves the job to the next worker, and the mail arrives exactly once', async () => {
    const town = await createOrganization(db.dataSource, 'municipality', 'Gemeinde Ausfall');
    const space = await createSpace(db.dataSource, town, { desks: 1, name: 'Coworking Ausfall' });
    const booker = await createUser(db.dataSource, { name: 'Kai Kill', email: 'kai.kill@example.org' });
    const start = DateTime.now().setZone('Europe/Berlin').plus({ days: 4 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const bookingId = await createBookingClaims(db.dataSource, { spaceId: space.id, resourceId: space.resourceIds[0]!, unitIds: [space.resourceIds[0]!], start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()!, bookerId: booker.id });
    await db.dataSource.query(`INSERT INTO outbox_jobs (kind, key, payload) VALUES ('booking.mail', $1, $2)`, [`${bookingId}:booking.mail:confirmed:0`, JSON.stringify({ bookingId, event: 'confirmed' })]);
    const job = async () => ((await db.dataSource.query(`SELECT status, attempts FROM outbox_jobs WHERE key = $1`, [`${bookingId}:booking.mail:confirmed:0`])) as { status: string; attempts: number }[])[0]!;

    sink.holding = true;
    const first = await startWorker();
    await until('the first worker to hand the mail over', () => sink.held === 1);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await job()).toEqual({ status: 'pending', attempts: 0 });

    sink.holding = false;
    await startWorker();
    await until('the mail', () => sink.to('kai.kill@example.org').length > 0);
    await until('the job to be done', async () => (await job()).status === 'done');
    // Two more rounds of the worker: nothing is sent again.
    await new Promise((r) => setTimeout(r, 4_500));
    const mails = sink.to('kai.kill@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Buchung bestätigt: Coworking Ausfall');
    expect(await job()).toEqual({ status: 'done', attempts: 1 });
  }, 90_000);
});
