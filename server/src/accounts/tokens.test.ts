import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from './tokens';

describe('tokens in mail links and feed URLs', () => {
  it('carry 256 random bits (43 base64url characters), never repeat, and are stored only as their SHA-256', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const { token, hash } = newToken();
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(hash.equals(createHash('sha256').update(token).digest())).toBe(true);
      expect(hashToken(token).equals(hash)).toBe(true);
      seen.add(token);
    }
    expect(seen.size).toBe(2000);
  });
});
