import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';
import { openDayAhead } from './days';

const browser = useBrowser();
const baseUrl = inject('baseUrl');


describe('calendar and mails in the browser', () => {
  it('a commuter finds her calendar address on the account page, and a new one shuts the old', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    await signIn(page, baseUrl, 'mitarbeiterin@demo.landraeume.example');
    await page.goto(`${baseUrl}/konto`);
    const address = page.getByLabel('Adresse Ihres Kalenders');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(/\/ical\/u\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Neue Adresse erzeugen' }).click();
    await page.getByRole('status').filter({ hasText: 'Neue Adresse erzeugt' }).waitFor();
    expect(await address.inputValue()).not.toBe(url);
    expect((await page.request.get(url)).status()).toBe(404);
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-feed.png`, fullPage: true });
    await page.close();
  });

  it('without a mail server, the booking confirmation can be read in the app’s mailbox', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    await signIn(page, baseUrl, 'mitarbeiterin@demo.landraeume.example');
    const day = openDayAhead(5);
    const status = await page.evaluate(async (date) => {
      const space = (await (await fetch('/api/spaces/coworking-coesfeld-bahnhof')).json()) as { id: string };
      const res = await fetch('/api/bookings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ spaceId: space.id, date }) });
      return res.status;
    }, day.toISODate()!);
    expect(status).toBe(201);
    await page.getByRole('link', { name: 'Postfach (Entwicklung)' }).click();
    const subject = page.getByRole('button', { name: 'Buchung bestätigt: Coworking am Bahnhof Coesfeld' }).first();
    // The worker sends every two seconds: reload until the mail is listed, giving each load time to fetch.
    const listed = () => subject.waitFor({ timeout: 2_000 }).then(() => true, () => false);
    for (let i = 0; i < 15 && !(await listed()); i++) await page.reload();
    await subject.click();
    await page.getByRole('heading', { level: 2, name: 'Buchung bestätigt: Coworking am Bahnhof Coesfeld' }).waitFor();
    expect(await page.locator('.mail-text').innerText()).toContain('Ihre Buchung ist bestätigt');
    expect(await page.locator('.mail').innerText()).toContain('termin.ics');
    await page.screenshot({ path: `${SCREENSHOTS}/mailbox.png`, fullPage: true });
    await page.close();
  });
});
