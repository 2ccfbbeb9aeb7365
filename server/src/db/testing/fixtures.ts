import { randomBytes } from 'node:crypto';
import type { OrganizationKind, Role } from '@landraeume/shared';
import request from 'supertest';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../accounts/passwords';

export const TEST_PASSWORD = 'Kirschbaum-Allee-42';

/** argon2 is slow on purpose; every test user shares one hash of the same password. */
let sharedHash: Promise<string> | undefined;
const passwordHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

const unique = () => randomBytes(4).toString('hex');

export interface TestUser {
  id: string;
  email: string;
}

export async function createUser(db: DataSource, options: { verified?: boolean; email?: string; name?: string; locale?: 'de' | 'en' } = {}): Promise<TestUser> {
  const email = options.email ?? `user-${unique()}@example.org`;
  const [row] = (await db.query(
    `INSERT INTO users (email, display_name, password_hash, locale, email_verified_at) VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
    [email, options.name ?? 'Erika Mustermann', await passwordHash(), options.locale ?? 'de', options.verified ?? true],
  )) as [{ id: string }];
  return { id: row.id, email };
}

export async function createOrganization(db: DataSource, kind: OrganizationKind, name = `Org ${unique()}`): Promise<string> {
  const [row] = (await db.query(`INSERT INTO organizations (kind, name, slug) VALUES ($1, $2, $3) RETURNING id`, [kind, name, `org-${unique()}`])) as [{ id: string }];
  return row.id;
}

export async function addMember(db: DataSource, userId: string, organizationId: string, role: Role): Promise<void> {
  await db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3)`, [userId, organizationId, role]);
}

/** A supertest agent that keeps the session cookie, signed in as the user. */
export async function signIn(app: Express, email: string, password = TEST_PASSWORD) {
  const agent = request.agent(app);
  await agent.post('/api/auth/login').send({ email, password }).expect(200);
  return agent;
}

/** The single-use token of a link in a mail, e.g. of `/konto/bestaetigen?token=…`. */
export function tokenFromMail(mail: { text: string }, pathname: string): string {
  const match = new RegExp(`${pathname.replace(/[/?]/g, (c) => `\\${c}`)}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${pathname} link in mail:\n${mail.text}`);
  return match[1];
}

export async function mailTo(t: { mails(): Promise<{ to: string; subject: string; text: string }[]> }, address: string) {
  const mails = (await t.mails()).filter((m) => m.to === address.toLowerCase());
  if (mails.length === 0) throw new Error(`no mail to ${address}`);
  return mails[mails.length - 1]!;
}
