import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('./var'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.logLevel).toBe('info');
    expect(config.mailFrom).toContain('@');
  });

  it('reads the commute settings, defaulting to a 1.3 detour and 166 g CO₂ per km', () => {
    expect(parseConfig({}).commute).toEqual({ detourFactor: 1.3, co2GramsPerKm: 166 });
    expect(parseConfig({ COMMUTE_DETOUR_FACTOR: '1.4', COMMUTE_CO2_G_PER_KM: '120' }).commute).toEqual({ detourFactor: 1.4, co2GramsPerKm: 120 });
  });

  it('loads the demo data unless DEMO_DATA=false', () => {
    expect(parseConfig({}).demoData).toBe(true);
    expect(parseConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(() => parseConfig({ DEMO_DATA: 'no' })).toThrow(/DEMO_DATA/);
  });

  it('takes map tiles from OpenStreetMap unless MAP_TILE_URL names other https tiles or a path here', () => {
    expect(parseConfig({}).map).toEqual({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' });
    expect(parseConfig({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.webp', MAP_TILE_ATTRIBUTION: '© Kreis Coesfeld' }).map).toEqual({ tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.webp', attribution: '© Kreis Coesfeld' });
    expect(parseConfig({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' }).map.tileUrl).toBe('/tiles/{z}/{x}/{y}.png');
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['SMTP_URL', 'not a url'],
    ['MAIL_FROM', 'nobody'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['SESSION_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['COMMUTE_DETOUR_FACTOR', '0.5'],
    ['COMMUTE_CO2_G_PER_KM', 'viel'],
    ['MAP_TILE_URL', 'http://tiles.example.org/{z}/{x}/{y}.png'],
    ['MAP_TILE_URL', 'https://tiles.example.org/tile.png'],
    ['MAP_TILE_URL', 'javascript:alert(1)//{z}{x}{y}'],
  ])('rejects a bad %s and names the variable', (variable, value) => {
    let error: unknown;
    try {
      parseConfig({ [variable]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(`${variable}:`);
  });

  it('never echoes secrets in the error', () => {
    expect(() => parseConfig({ SESSION_SECRET: 'tooshort-secret' })).toThrow(/SESSION_SECRET/);
    try {
      parseConfig({ SESSION_SECRET: 'tooshort-secret' });
    } catch (err) {
      expect((err as Error).message).not.toContain('tooshort-secret');
    }
  });

  it('reports every bad variable at once', () => {
    try {
      parseConfig({ PORT: '-1', LOG_LEVEL: 'x' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(2);
    }
  });

  it('strips a trailing slash from PUBLIC_URL', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://landraeume.example/' }).publicUrl).toBe('https://landraeume.example');
  });

  it('generates a session secret once and keeps it under DATA_DIR', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-config-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(path.join(dataDir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives processes that start at once on one DATA_DIR the same secret', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'landraeume-config-'));
    const script = `import { loadConfig } from ${JSON.stringify(path.resolve('server/src/config.ts'))}; process.stdout.write(loadConfig({ DATA_DIR: process.argv[1] }).sessionSecret);`;
    const secrets = await Promise.all(
      Array.from({ length: 4 }, () => new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dataDir], (err, stdout) => (err ? reject(err) : resolve(stdout)));
      })),
    );
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
