import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAP_TILES } from '@landraeume/shared';
import { DEFAULT_RETENTION_MONTHS } from './worker/retention.job';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const urlWithProtocols = (protocols: string[]) =>
  z.string().refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), {
    message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./var'),
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:']).optional(),
  SMTP_URL: urlWithProtocols(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>]+ <[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address like "Landräume <noreply@example.org>"')
    .default('Landräume <noreply@landraeume.localhost>'),
  PUBLIC_URL: urlWithProtocols(['http:', 'https:']).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  PENDING_EXPIRY_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  WAITLIST_HOLD_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  COMMUTE_DETOUR_FACTOR: z.coerce.number().min(1).max(3).default(1.3),
  COMMUTE_CO2_G_PER_KM: z.coerce.number().min(0).max(1000).default(166),
  REMINDER_HOURS: z.coerce.number().int().min(0).max(168).default(24),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(DEFAULT_RETENTION_MONTHS),
  WEBHOOK_ALLOW_LINK_LOCAL: z.enum(['true', 'false']).default('false'),
  // The page's CSP lets images come only from our origin or over https, so tiles must too.
  MAP_TILE_URL: z
    .string()
    .max(500)
    .regex(/^(https:\/\/[^\s"'<>]+|\/[^/\s"'<>][^\s"'<>]*)$/, 'must be an https:// URL or a path on this server')
    .refine((value) => ['{z}', '{x}', '{y}'].every((part) => value.includes(part)), 'must contain {z}, {x} and {y}')
    .default(DEFAULT_MAP_TILES.tileUrl),
  MAP_TILE_ATTRIBUTION: z.string().max(500).default(DEFAULT_MAP_TILES.attribution),
});

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  sessionSecret: string;
  logLevel: (typeof LOG_LEVELS)[number];
  role: 'all' | 'api' | 'worker';
  /** Unanswered room requests expire after this long and free their slot. */
  pendingExpiryHours: number;
  /** How long a freed slot is held for the first person on its waitlist. */
  waitlistHoldMinutes: number;
  /** Commute figures: road km per straight-line km, and grams of CO₂ per car km (see contracts/commute.ts). */
  commute: { detourFactor: number; co2GramsPerKm: number };
  /** Reminders go out this long before a booking's start; 0 sends none. */
  reminderHours: number;
  /** Bearer token for /metrics; without it only direct loopback requests may read them. */
  metricsToken: string | undefined;
  /** Load the demo data (with its published passwords) into an empty database; off for a public service. */
  demoData: boolean;
  /** Bookings that ended longer ago than this lose their personal details. */
  retentionMonths: number;
  /** Webhooks to link-local addresses (169.254.0.0/16, the cloud metadata service) are refused unless this is set. */
  webhookAllowLinkLocal: boolean;
  /** The search page's map: where its tiles come from and the credit the tile provider asks for. */
  map: { tileUrl: string; attribution: string };
}


export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty variables count as unset, as a shell `FOO=` usually means "use the default". */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

export function parseConfig(env: NodeJS.ProcessEnv): Omit<Config, 'sessionSecret'> & { sessionSecret: string | undefined } {
  const result = envSchema.safeParse(withoutEmpty(env));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment');
        const shown = ['SESSION_SECRET', 'DATABASE_URL', 'SMTP_URL', 'METRICS_TOKEN'].includes(variable) ? '' : ` (got "${env[variable] ?? ''}")`;
        return `${variable}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = result.data;
  return {
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    role: e.ROLE,
    pendingExpiryHours: e.PENDING_EXPIRY_HOURS,
    waitlistHoldMinutes: e.WAITLIST_HOLD_MINUTES,
    commute: { detourFactor: e.COMMUTE_DETOUR_FACTOR, co2GramsPerKm: e.COMMUTE_CO2_G_PER_KM },
    reminderHours: e.REMINDER_HOURS,
    metricsToken: e.METRICS_TOKEN,
    demoData: e.DEMO_DATA === 'true',
    retentionMonths: e.RETENTION_MONTHS,
    webhookAllowLinkLocal: e.WEBHOOK_ALLOW_LINK_LOCAL === 'true',
    map: { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION },
  };
}

/**
 * A generated secret is kept under DATA_DIR so that sessions survive a restart. Several processes
 * sharing DATA_DIR may start at once: the secret is written to a file of this process's own and
 * linked into place (atomic, fails if another was first), so all of them read the same complete secret.
 */
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(draft);
    }
  }
  return readFileSync(file, 'utf8').trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = parseConfig(env);
  return { ...parsed, sessionSecret: parsed.sessionSecret ?? persistentSecret(parsed.dataDir) };
}
