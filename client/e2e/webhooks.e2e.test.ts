import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** A heating controller stand-in: records what arrives and checks it as docs/integrations.md says. */
const received: { id: string; type: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let receiver: http.Server;
let receiverUrl: string;
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const json = JSON.parse(body) as { id: string; type: string };
      received.push({ id: json.id, type: json.type, headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/heizung`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
});

function signedWith(secret: string, message: (typeof received)[number]): boolean {
  const expected = createHmac('sha256', secret).update(`${message.headers['landraeume-timestamp']}.${message.body}`).digest();
  const given = Buffer.from(String(message.headers['landraeume-signature']).replace(/^v1=/, ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 60; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('webhooks in the browser', () => {
  it('a municipality admin adds a webhook, keeps the secret, sends a test, reads the delivery log and redelivers', async () => {
    const context = await browser().newContext({ locale: 'de-DE', viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, baseUrl, 'gemeinde@demo.landraeume.example');
    await page.goto(`${baseUrl}/konto`);
    await page.getByRole('link', { name: 'Webhooks meiner Organisationen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();

    await page.getByLabel('Adresse (URL)').fill(receiverUrl);
    await page.getByLabel('Beschreibung (z. B. Heizung Saal)').fill('Heizung Saal');
    await page.getByRole('checkbox', { name: /Buchung oder Anfrage eingegangen/ }).check();
    await page.getByRole('button', { name: 'Webhook anlegen' }).click();
    const secret = await page.getByRole('textbox', { name: 'Geheimnis' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ich habe es gesichert' }).click();
    expect(await page.getByRole('textbox', { name: 'Geheimnis' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Test senden' }).click();
    const ping = await until(() => received.find((m) => m.type === 'ping'), 'the ping');
    expect(signedWith(secret, ping)).toBe(true);

    await page.getByRole('button', { name: 'Zustellprotokoll' }).click();
    await until(async () => {
      await page.getByRole('button', { name: 'Aktualisieren' }).click();
      return (await page.getByRole('cell', { name: 'zugestellt', exact: true }).count()) > 0;
    }, 'the delivered row');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/webhooks.png`, fullPage: true });

    await page.getByRole('button', { name: /^ping vom .* erneut senden$/ }).click();
    const again = await until(() => received.filter((m) => m.type === 'ping')[1], 'the redelivery');
    expect(again.id).toBe(ping.id);

    await page.getByRole('button', { name: 'Neues Geheimnis' }).click();
    const rotated = await page.getByRole('textbox', { name: 'Geheimnis' }).inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'Deaktivieren' }).click();
    await page.getByText('inaktiv', { exact: true }).waitFor();
    await context.close();
  }, 90_000);
});
