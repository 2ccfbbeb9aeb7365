import { spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LoadRequest } from './load';
import { undoCorrection, type Histogram } from './wrk-latency';

export interface WrkRun {
  requests: number;
  durationUs: number;
  /** True if wrk sent every request of its share and started over. */
  ranOut: boolean;
  /** Socket errors by kind (connect, read, write, timeout). */
  errors: Record<string, number>;
  statuses: Record<string, number>;
  /** Every answer's own latency, wrk's correction undone. */
  latency: Histogram;
}

const SCRIPT = fileURLToPath(new URL('./wrk-requests.lua', import.meta.url));
const RESULT_LINE = 'wrk-result ';
/** Answers slower than this count as timeouts and have no latency; autocannon's default. */
const TIMEOUT = '10s';

/** Throws at once, before a benchmark fills its database, if there is no wrk to load it with. */
export function requireWrk(): void {
  if (spawnSync('wrk', ['--version']).error) throw new Error('wrk not found: apt-get install wrk');
}

/** Writes requests for wrk-requests.lua, one a line, fields separated by tabs. */
export async function writeRequests(file: string, requests: LoadRequest[]): Promise<void> {
  const line = (r: LoadRequest) => {
    const fields = [r.method ?? 'GET', r.path, r.body ?? '', ...Object.entries(r.headers ?? {}).flat()];
    if (fields.some((f) => /[\t\r\n]/.test(f))) throw new Error(`a request field holds a tab or a line break: ${JSON.stringify(fields)}`);
    return fields.join('\t');
  };
  await writeFile(file, requests.map((r) => `${line(r)}\n`).join(''));
}

/**
 * One wrk process, one thread, `connections` connections to `url` for `seconds`, sending share
 * `part` of `parts` of the requests file.
 */
export async function runWrk(options: { url: string; connections: number; seconds: number; requestsFile: string; part: number; parts: number }): Promise<WrkRun> {
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, `--timeout`, TIMEOUT, '-s', SCRIPT, options.url, '--', options.requestsFile, String(options.part), String(options.parts)];
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve));
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_LINE));
  // wrk goes on without the script when it cannot load it, so a missing line is a failure too.
  if (code !== 0 || !line) throw new Error(`wrk ${args.join(' ')} failed (exit ${code}):\n${stderr}${stdout}`);
  const result = JSON.parse(line.slice(RESULT_LINE.length)) as Omit<WrkRun, 'latency' | 'errors'> & { errors: Record<string, number>; latency: number[] };
  const corrected: Histogram = [];
  for (let i = 0; i < result.latency.length; i += 2) corrected.push([result.latency[i]!, result.latency[i + 1]!]);
  const latency = undoCorrection(corrected, { ...result, connections: options.connections });
  const recorded = latency.reduce((sum, [, count]) => sum + count, 0);
  // wrk records no latency for an answer slower than its timeout and counts it as a timeout.
  if (recorded !== result.requests - (result.errors.timeout ?? 0)) {
    throw new Error(`wrk's latencies do not add up: ${recorded} recorded, ${result.requests} answers, ${result.errors.timeout} timeouts`);
  }
  return { ...result, errors: Object.fromEntries(Object.entries(result.errors).filter(([, n]) => n > 0)), latency };
}
