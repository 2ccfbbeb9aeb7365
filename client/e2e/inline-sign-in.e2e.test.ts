import { describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/users';
import { SCREENSHOTS, useBrowser } from './browser';
import { openDayAhead } from './days';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** A Tuesday to Thursday some weeks ahead, so that other browser tests' bookings are elsewhere. */
function midweekDay(weeksAhead: number): string {
  return openDayAhead(3 + 7 * weeksAhead).toISODate()!;
}

describe('signing in without leaving the booking', () => {
  it('an anonymous visitor picks a desk and time, signs in in the dialog, and the booking is made', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const day = midweekDay(2);
    await page.goto(`${baseUrl}/raeume/landwerk-olfen-marktplatz`);
    await page.getByLabel('Tag wählen').fill(day);
    await page.getByLabel('Platz oder Raum').selectOption({ label: 'Platz 2' });
    await page.getByLabel('Ganzer Tag').uncheck();
    await page.getByLabel('Von').selectOption({ label: '10:00' });
    await page.getByLabel('Bis').selectOption({ label: '12:00' });
    await page.getByRole('button', { name: 'Jetzt buchen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Anmelden, um zu buchen' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`${day}, 10:00–12:00`);
    // Focus moved into the dialog; the page behind it is inert.
    expect(await page.locator('dialog :focus').count()).toBe(1);
    await dialog.getByLabel('E-Mail-Adresse').fill('pendlerin@demo.landraeume.example');
    await dialog.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.screenshot({ path: `${SCREENSHOTS}/inline-sign-in.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Anmelden und buchen' }).click();

    await page.getByRole('status').filter({ hasText: 'Gebucht' }).waitFor();
    expect(await dialog.count()).toBe(0);
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/inline-sign-in-booked.png`, fullPage: true });

    const mine = await page.evaluate(async () => (await (await fetch('/api/bookings?scope=mine')).json()) as { items: { space: { slug: string }; resource: { name: string }; start: string; end: string; status: string }[] });
    const booking = mine.items.find((b) => b.space.slug === 'landwerk-olfen-marktplatz' && b.start.startsWith(day));
    expect(booking).toMatchObject({ resource: { name: 'Platz 2' }, start: expect.stringMatching(/T10:00:00/), end: expect.stringMatching(/T12:00:00/), status: 'confirmed' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a new account keeps the choice until the address is confirmed, then finds it filled in again', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    const day = midweekDay(3);
    await page.goto(`${baseUrl}/raeume/duelmen-bildungswerk-seminar`);
    await page.getByLabel('Tag wählen').fill(day);
    await page.getByLabel('Von').selectOption({ label: '17:00' });
    await page.getByLabel('Bis').selectOption({ label: '19:00' });
    await page.getByLabel('Zweck (optional)').fill('Kennenlernabend');
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Neues Konto' }).click();
    await dialog.getByLabel('Name').fill('Nora Neu');
    await dialog.getByLabel('E-Mail-Adresse').fill(`neu-${Date.now()}@example.org`);
    await dialog.getByLabel('Passwort').fill('Sonnenblumenfeld-7');
    await dialog.getByRole('button', { name: 'Konto anlegen' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Bitte bestätigen Sie Ihre Adresse' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/inline-register-verify.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    // As after following the mail's link: the page opens anew and the choice comes back.
    await page.goto(`${baseUrl}/raeume/duelmen-bildungswerk-seminar`);
    await page.getByText('Ihre gespeicherte Auswahl ist wieder eingetragen.').waitFor();
    expect(await page.getByLabel('Tag wählen').inputValue()).toBe(day);
    expect(await page.getByLabel('Zweck (optional)').inputValue()).toBe('Kennenlernabend');
    expect(await page.getByLabel('Von').locator('option:checked').innerText()).toBe('17:00');
    expect(await page.getByLabel('Bis').locator('option:checked').innerText()).toBe('19:00');
    // Unconfirmed, the booking is not sent; the page says why instead of failing.
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.getByRole('alert').filter({ hasText: 'noch nicht bestätigt' }).waitFor();
    await page.close();
  });
});
