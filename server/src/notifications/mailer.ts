import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Without SMTP_URL mails become .eml files, so a newcomer (and the tests) can read every one. */
export function createMailer(options: { smtpUrl: string | undefined; from: string; dataDir: string; publicUrl: string }): Mailer {
  const domain = new URL(options.publicUrl).hostname;
  const messageId = () => `<${randomUUID()}@${domain}>`;
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ ...mail, from: options.from, messageId: messageId(), date: new Date() });
      },
    };
  }
  const mailDir = path.join(options.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ ...mail, from: options.from, messageId: messageId(), date: new Date() });
      await mkdir(mailDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await writeFile(path.join(mailDir, `${stamp}-${randomUUID().slice(0, 8)}.eml`), info.message as Buffer, { mode: 0o600 });
    },
  };
}
