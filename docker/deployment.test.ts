import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Docker cannot run here, so the deployment files are checked as text: the services and roles
 * of compose.yaml, the proxy's upstreams, and the image's stages, user and health check. A
 * small reader for the block-style YAML compose.yaml is written in (no YAML parser is a
 * dependency of the project).
 */
const read = (file: string) => readFileSync(path.join(import.meta.dirname, file), 'utf8');

/** Top-level keys of `section`, each with its block of lines (two-space indentation). */
function blocks(yaml: string, section: string): Map<string, string[]> {
  const lines = yaml.split('\n');
  const start = lines.indexOf(`${section}:`);
  expect(start, `no top-level ${section}:`).toBeGreaterThanOrEqual(0);
  const result = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const key = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line)?.[1];
    if (key) result.set(key, (current = []));
    else if (line.trim() && !line.trim().startsWith('#')) current?.push(line.trim());
  }
  return result;
}
const valueOf = (block: string[], key: string) => block.find((l) => l.startsWith(`${key}:`))?.slice(key.length + 1).trim();

describe('docker/compose.yaml', () => {
  const compose = read('compose.yaml');
  const services = blocks(compose, 'services');

  it('has PostgreSQL, two API servers, one worker, a mail catcher and a proxy', () => {
    expect([...services.keys()].sort()).toEqual(['api1', 'api2', 'db', 'mailpit', 'proxy', 'worker']);
    const roles = Object.fromEntries([...services].map(([name, block]) => [name, valueOf(block, 'ROLE')]));
    expect(roles).toMatchObject({ api1: 'api', api2: 'api', worker: 'worker' });
    for (const app of ['api1', 'api2', 'worker']) expect(services.get(app), app).toEqual(expect.arrayContaining(['<<: *app', '<<: *env']));
    expect(valueOf(services.get('db')!, 'image')).toMatch(/^postgres:\d+/);
    expect(valueOf(services.get('proxy')!, 'image')).toMatch(/^caddy:/);
  });

  it('gives every app container the shared database, SMTP, one session secret and a health-gated start', () => {
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/\S+@db:5432\//);
    expect(compose).toMatch(/SMTP_URL: smtp:\/\/mailpit:1025/);
    expect(compose).toMatch(/SESSION_SECRET: \$\{SESSION_SECRET:\?/);
    expect(compose).toMatch(/condition: service_healthy/);
  });

  it('balances the proxy over both API servers and keeps /metrics inside', () => {
    const caddy = read('Caddyfile');
    expect(caddy).toMatch(/reverse_proxy api1:3000 api2:3000/);
    expect(caddy).toMatch(/health_uri \/readyz/);
    expect(caddy).toMatch(/@metrics path \/metrics\s+respond @metrics 404/);
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  it('builds in stages and runs as an unprivileged user with a health check', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^FROM node:\S+-slim AS runtime$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/readyz/m);
    expect(dockerfile).not.toMatch(/^USER root$/m);
  });
});
