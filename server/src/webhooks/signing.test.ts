import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign, signatureHeader, verify } from '../http/hmac';
import { newSecret } from './signing';
import { classifyAddress, refusalFor } from './url-guard';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = '{"id":"1","type":"ping"}';

  it('is HMAC-SHA256 over "<timestamp>.<raw body>" in hex, as documented', () => {
    // The documented example of docs/integrations.md, computed independently.
    expect(sign(secret, 1767225600, body)).toBe(createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex'));
    expect(signatureHeader(secret, 1767225600, body)).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('gives the example of docs/integrations.md', () => {
    const example = '{"id":"5b0c2f61-5d2e-4a4b-9a51-0f6f5c0c1e7a","type":"ping","occurredAt":"2026-11-25T08:00:00.000Z","data":{}}';
    expect(signatureHeader('whsec_example', 1795593600, example)).toBe('v1=f1b73e1440af0a802342bf492115427370afe0b59f6918bd4ae97a86ea7e57ef');
  });

  it('verifies a fresh, untouched request and refuses a changed body, another secret or an old timestamp', () => {
    const now = 1767225600;
    const header = signatureHeader(secret, now, body);
    expect(verify(secret, header, String(now), body, { now })).toBe(true);
    expect(verify(secret, `v0=abc, ${header}`, String(now), body, { now })).toBe(true);
    expect(verify(secret, header, String(now), body.replace('ping', 'pong'), { now })).toBe(false);
    expect(verify('whsec_other', header, String(now), body, { now })).toBe(false);
    expect(verify(secret, header, String(now), body, { now: now + 301 })).toBe(false);
    expect(verify(secret, 'v1=zz', String(now), body, { now })).toBe(false);
  });

  it('makes secrets of 256 random bits', () => {
    const secrets = new Set(Array.from({ length: 50 }, newSecret));
    expect(secrets.size).toBe(50);
    for (const s of secrets) expect(Buffer.from(s.slice('whsec_'.length), 'base64url')).toHaveLength(32);
  });
});

describe('webhook targets', () => {
  it('tells forbidden, local and public addresses apart, IPv4-mapped ones included', () => {
    expect(['169.254.169.254', '0.0.0.0', 'fe80::1', '::ffff:169.254.169.254', 'fd00:ec2::254', '224.0.0.1'].map(classifyAddress)).toEqual(Array(6).fill('forbidden'));
    expect(['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.178.20', '::1', 'fd12::1', '::ffff:127.0.0.1'].map(classifyAddress)).toEqual(Array(7).fill('local'));
    expect(['8.8.8.8', '2a00:1450::1', '172.32.0.1'].map(classifyAddress)).toEqual(Array(3).fill('public'));
  });

  it('wants https on the internet and allows link-local only when the operator says so', () => {
    expect(refusalFor('8.8.8.8', 'http:', { allowLinkLocal: false })).toBe('https_required');
    expect(refusalFor('8.8.8.8', 'https:', { allowLinkLocal: false })).toBeUndefined();
    expect(refusalFor('192.168.1.5', 'http:', { allowLinkLocal: false })).toBeUndefined();
    expect(refusalFor('169.254.169.254', 'https:', { allowLinkLocal: false })).toBe('address_forbidden');
    expect(refusalFor('169.254.169.254', 'http:', { allowLinkLocal: true })).toBeUndefined();
  });
});
