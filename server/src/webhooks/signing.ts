import { randomBytes } from 'node:crypto';

/** 256 random bits, prefixed so a leaked secret is recognisable in a secret scanner. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
