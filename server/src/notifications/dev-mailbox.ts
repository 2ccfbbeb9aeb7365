import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DevMail, DevMailSummary } from '@landraeume/shared';
import { simpleParser, type AddressObject } from 'mailparser';
import type { Actor } from '../accounts/actor';
import { isPlatformAdmin } from '../accounts/policy';
import { notFound } from '../http/errors';

const SHOWN = 200;

const recipients = (to: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(to) ? to : to ? [to] : []).flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);

/**
 * Without a mail server, mails are files under DATA_DIR/mail; this lets a newcomer read them in
 * the app. Everyone sees the mails sent to their own address (a verification link, a booking
 * confirmation), the platform team sees all. With SMTP_URL set there is nothing here.
 */
export class DevMailbox {
  constructor(private readonly mailDir: string | undefined) {}

  async list(actor: Actor): Promise<{ items: DevMailSummary[] }> {
    const names = await this.files();
    const items: DevMailSummary[] = [];
    for (const name of names) {
      if (items.length >= SHOWN) break;
      const mail = await this.parse(name);
      if (this.mayRead(actor, mail.to)) items.push({ id: mail.id, to: mail.to, subject: mail.subject, date: mail.date });
    }
    return { items };
  }

  async get(actor: Actor, id: string): Promise<DevMail> {
    if (!(await this.files()).includes(`${id}.eml`)) throw notFound('Mail');
    const mail = await this.parse(`${id}.eml`);
    if (!this.mayRead(actor, mail.to)) throw notFound('Mail');
    return mail;
  }

  private mayRead(actor: Actor, to: string): boolean {
    return isPlatformAdmin(actor) || to.split(', ').some((address) => address.toLowerCase() === actor.email.toLowerCase());
  }

  /** Newest first; the file names start with the time they were written. */
  private async files(): Promise<string[]> {
    if (!this.mailDir) throw notFound('Mailbox');
    const names = await readdir(this.mailDir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    return names.filter((n) => n.endsWith('.eml')).sort().reverse();
  }

  private async parse(name: string): Promise<DevMail> {
    const parsed = await simpleParser(await readFile(path.join(this.mailDir!, name)));
    return {
      id: name.slice(0, -'.eml'.length),
      to: recipients(parsed.to).join(', '),
      subject: parsed.subject ?? '',
      date: (parsed.date ?? new Date(0)).toISOString(),
      text: parsed.text ?? '',
      attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType })),
    };
  }
}
