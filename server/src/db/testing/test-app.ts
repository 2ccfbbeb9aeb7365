import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createApp, type LandraeumeApp } from '../../app';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from '../../http/rate-limit';
import type { Mailer } from '../../notifications/mailer';
import { createTestDatabase, silentLogger, type TestDatabase } from './test-database';

export const TEST_PUBLIC_URL = 'http://localhost:3000';
export const TEST_SESSION_SECRET = 'test-secret-that-is-long-enough-for-the-checks';

export interface TestAppOptions {
  rateLimits?: Partial<RateLimitConfig>;
  /** Instead of .eml files under the app's DATA_DIR, e.g. a mailer talking to a test SMTP server. */
  mailer?: Mailer;
  /** Silent unless a test reads the logs. */
  log?: Logger;
}

/** Generous limits, so only the tests about rate limiting ever meet one. */
const RELAXED_LIMITS: RateLimitConfig = Object.fromEntries(
  Object.entries(DEFAULT_RATE_LIMITS).map(([name, spec]) => [name, { ...spec, points: 10_000 }]),
) as unknown as RateLimitConfig;

export function appFor(dataSource: DataSource, options: TestAppOptions = {}): LandraeumeApp & { dataDir: string } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-app-'));
  const app = createApp({
    config: { publicUrl: TEST_PUBLIC_URL, sessionSecret: TEST_SESSION_SECRET, dataDir, smtpUrl: undefined, mailFrom: 'Landräume <noreply@landraeume.test>' },
    dataSource,
    log: options.log ?? silentLogger,
    rateLimits: { ...RELAXED_LIMITS, ...options.rateLimits },
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  return {
    ...app,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends LandraeumeApp {
  db: TestDatabase;
  dataDir: string;
  /** The .eml files written so far, oldest first. */
  mails(): Promise<TestMail[]>;
}

export interface TestMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const built = appFor(db.dataSource, options);
  return {
    ...built,
    db,
    async mails() {
      const dir = path.join(built.dataDir, 'mail');
      let files: string[];
      try {
        files = readdirSync(dir).sort();
      } catch {
        return [];
      }
      return Promise.all(
        files.map(async (f) => {
          const raw = readFileSync(path.join(dir, f), 'utf8');
          const parsed = await simpleParser(raw);
          const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
          return { to: (to ?? '').toLowerCase(), subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '', raw };
        }),
      );
    },
    async close() {
      await built.close();
      await db.drop();
    },
  };
}
