import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** argon2id with the library's defaults (OWASP-conformant memory and time cost). */
export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, plain: string): Promise<boolean> {
  return argon2.verify(hash, plain).catch(() => false);
}

/** The zxcvbn list of common passwords, plus the ones German users reach for most. */
const GERMAN_FAVOURITES = ['passwort123', 'passwort1234', 'hallo12345', 'hallo123456', 'qwertzuiop', 'qwertz1234', 'schalke0404', 'borussia09', 'fussball123', 'sommer2026', 'landraeume', 'landräume2026', 'coesfeld123'];
const COMMON = new Set([...(dictionary['passwords-common'] as string[]), ...GERMAN_FAVOURITES].map((p) => p.toLowerCase()));

export function isCommonPassword(plain: string): boolean {
  return COMMON.has(plain.toLowerCase());
}

/** Verifying against this when no account matches keeps login time from telling which e-mails exist. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hashPassword('no-such-account-dummy-password');
  await verifyPassword(await dummyHash, plain);
  return false;
}
