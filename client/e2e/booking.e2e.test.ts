import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';
import { openDayAhead } from './days';

const browser = useBrowser();
const baseUrl = inject('baseUrl');


/** The next Tuesday to Thursday on which every seeded space is open. */
function nextMidweekDay(): string {
  return openDayAhead(3).toISODate()!;
}

describe('booking in the browser', () => {
  it('a commuter books a whole day at any free desk and finds it under "Meine Buchungen"', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    await signIn(page, baseUrl, 'pendlerin@demo.landraeume.example');
    await page.goto(`${baseUrl}/raeume/coworking-coesfeld-bahnhof`);
    await page.getByRole('heading', { level: 1, name: 'Coworking am Bahnhof Coesfeld' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Ausstattung' }).count()).toBe(1);
    expect(await page.locator('.amenities').innerText()).toContain('WLAN');
    await page.getByLabel('Tag wählen').fill(nextMidweekDay());
    await page.getByRole('button', { name: 'Jetzt buchen' }).click();
    await page.getByRole('status').filter({ hasText: 'Gebucht' }).waitFor();
    expect(await page.getByRole('status').innerText()).toContain('bestätigt');
    await page.getByRole('link', { name: 'Meine Buchungen' }).click();
    const booking = page.getByTestId('booking').first();
    await booking.waitFor();
    expect(await booking.innerText()).toContain('Coworking am Bahnhof Coesfeld');
    const [download] = await Promise.all([page.waitForEvent('download'), booking.getByRole('link', { name: 'In den Kalender (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe('buchung.ics');
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:');
    await page.close();
  });

  it('a club requests a room, the municipality approves it from the inbox', async () => {
    const club = await browser().newPage({ locale: 'de-DE' });
    await signIn(club, baseUrl, 'verein@demo.landraeume.example');
    await club.goto(`${baseUrl}/raeume/duelmen-bildungswerk-seminar`);
    await club.getByLabel('Tag wählen').fill(nextMidweekDay());
    await club.getByLabel('Von').selectOption({ label: '18:00' });
    await club.getByLabel('Bis').selectOption({ label: '20:00' });
    await club.getByRole('button', { name: 'Anfrage senden' }).click();
    await club.getByRole('status').filter({ hasText: 'angefragt' }).waitFor();
    // The week view shows the requested evening as taken, without anyone's name.
    const taken = club.locator('.week-calendar .rbc-event.calendar-busy').first();
    await taken.waitFor();
    expect(await taken.innerText()).toContain('Belegt');
    expect(await taken.innerText()).toContain('18:00');
    await club.screenshot({ path: `${SCREENSHOTS}/space-week-calendar.png`, fullPage: true });
    await club.close();

    const town = await browser().newPage({ locale: 'de-DE' });
    await signIn(town, baseUrl, 'gemeinde@demo.landraeume.example');
    await town.getByRole('link', { name: 'Anfragen' }).click();
    const request = town.getByTestId('booking').filter({ hasText: 'Seminarraum im Bildungszentrum Dülmen' });
    await request.waitFor();
    await request.getByRole('button', { name: 'Bestätigen' }).click();
    await town.getByText('Keine offenen Anfragen.').waitFor();
    await town.close();
  });

  it('shows stored text as text, never as markup', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    await signIn(page, baseUrl, 'mitglied@demo.landraeume.example');
    const xss = '<img src=x onerror="window.__xss=1">';
    const date = nextMidweekDay();
    const booked = await page.evaluate(
      async ({ purpose, day }) => {
        const space = (await (await fetch('/api/spaces/landwerk-olfen-marktplatz')).json()) as { id: string };
        const res = await fetch('/api/bookings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ spaceId: space.id, date: day, purpose }) });
        return res.status;
      },
      { purpose: xss, day: date },
    );
    expect(booked).toBe(201);
    await page.goto(`${baseUrl}/buchungen`);
    await page.getByTestId('booking').first().waitFor();
    expect(await page.getByTestId('booking').first().innerText()).toContain(xss);
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('explains a wrong password in words, next to the form', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    await page.goto(`${baseUrl}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill('pendlerin@demo.landraeume.example');
    await page.getByLabel('Passwort').fill('falsches-passwort-123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('E-Mail-Adresse oder Passwort stimmen nicht');
    await page.close();
  });

  it('when someone else takes the slot first, explains it and offers what is still free', async () => {
    const day = openDayAhead(10);
    const club = await browser().newPage({ locale: 'de-DE' });
    await signIn(club, baseUrl, 'verein@demo.landraeume.example');
    await club.goto(`${baseUrl}/raeume/duelmen-bildungswerk-seminar`);
    await club.getByLabel('Tag wählen').fill(day.toISODate()!);
    await club.getByLabel('Von').selectOption({ label: '18:00' });
    await club.getByLabel('Bis').selectOption({ label: '20:00' });

    const quicker = await browser().newPage({ locale: 'de-DE' });
    await signIn(quicker, baseUrl, 'mitglied@demo.landraeume.example');
    const status = await quicker.evaluate(
      async ({ start, end }) => {
        const space = (await (await fetch('/api/spaces/duelmen-bildungswerk-seminar')).json()) as { id: string };
        return (await fetch('/api/bookings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ spaceId: space.id, start, end }) })).status;
      },
      { start: day.set({ hour: 18 }).toISO()!, end: day.set({ hour: 20 }).toISO()! },
    );
    expect(status).toBe(201);
    await quicker.close();

    await club.getByRole('button', { name: 'Anfrage senden' }).click();
    expect(await club.getByRole('alert').innerText()).toContain('gerade von jemand anderem gebucht');
    const alternatives = club.getByRole('region', { name: 'Noch frei' }).getByRole('button');
    await alternatives.first().waitFor();
    const offered = await alternatives.first().innerText();
    expect(offered).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2}$/);
    expect(offered).not.toBe('18:00–20:00');
    await club.screenshot({ path: `${SCREENSHOTS}/slot-taken.png`, fullPage: true });
    await alternatives.first().click();
    await club.getByRole('button', { name: 'Anfrage senden' }).click();
    await club.getByRole('status').filter({ hasText: 'angefragt' }).waitFor();
    await club.close();
  });
});
