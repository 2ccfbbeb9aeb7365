import { randomBytes } from 'node:crypto';

/**
 * A readable, unique slug for a new row: the name in lower-case ASCII (German umlauts spelled
 * out), at most 60 characters, and a random suffix so two of the same name never collide.
 */
export function uniqueSlug(name: string, fallback: string): string {
  const readable =
    name
      .toLowerCase()
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 60)
      .replace(/^-+|-+$/g, '') || fallback;
  return `${readable}-${randomBytes(3).toString('hex')}`;
}
