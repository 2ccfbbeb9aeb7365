import AxeBuilder from '@axe-core/playwright';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';
import { openDayAhead, WEDNESDAY } from './days';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** A Wednesday some weeks ahead, clear of the other browser tests' bookings. */
function laterWednesday(): DateTime {
  return openDayAhead(21, WEDNESDAY);
}

/** axe needs a context of its own per page to inject into every frame. */
async function newPage(): Promise<Page> {
  const context = await browser().newContext({ locale: 'de-DE' });
  return context.newPage();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('the waitlist in the browser', () => {
  it('a club waits for a taken evening, gets it held when it frees up, and takes it', async () => {
    const day = laterWednesday();
    const club = await newPage();
    await signIn(club, baseUrl, 'verein@demo.landraeume.example');
    await club.goto(`${baseUrl}/raeume/duelmen-bildungswerk-seminar`);
    await club.getByLabel('Tag wählen').fill(day.toISODate()!);
    await club.getByLabel('Von').selectOption({ label: '14:00' });
    await club.getByLabel('Bis').selectOption({ label: '16:00' });
    // Someone else asks for the same afternoon first.
    const quicker = await newPage();
    await signIn(quicker, baseUrl, 'mitglied@demo.landraeume.example');
    const bookingId = await quicker.evaluate(
      async ({ start, end }) => {
        const space = (await (await fetch('/api/spaces/duelmen-bildungswerk-seminar')).json()) as { id: string };
        const res = await fetch('/api/bookings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ spaceId: space.id, start, end }) });
        return ((await res.json()) as { id: string }).id;
      },
      { start: day.set({ hour: 14 }).toISO()!, end: day.set({ hour: 16 }).toISO()! },
    );
    await club.getByRole('button', { name: 'Anfrage senden' }).click();
    expect(await club.getByRole('alert').innerText()).toContain('gerade von jemand anderem gebucht');
    await club.getByRole('button', { name: 'Auf die Warteliste' }).click();
    await club.getByRole('status').filter({ hasText: 'Warteliste (Platz 1)' }).waitFor();
    await club.screenshot({ path: `${SCREENSHOTS}/waitlist-join.png`, fullPage: true });

    await club.goto(`${baseUrl}/buchungen`);
    const entry = club.getByTestId('waitlist-entry').first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Platz 1 in der Warteschlange');
    expect(await seriousViolations(club)).toEqual([]);

    // The quicker one withdraws the request; the worker holds the afternoon for the club.
    const cancelled = await quicker.evaluate(
      async (id) => (await fetch(`/api/bookings/${id}/cancel`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status,
      bookingId,
    );
    expect(cancelled).toBe(200);
    await quicker.context().close();

    const accept = club.getByRole('button', { name: 'Platz übernehmen' });
    for (let i = 0; i < 30 && !(await accept.isVisible()); i++) {
      await club.waitForTimeout(1_000);
      await club.reload();
      await club.getByRole('heading', { level: 1 }).waitFor();
    }
    expect(await club.getByTestId('waitlist-entry').first().innerText()).toContain('Für Sie reserviert bis');
    expect(await seriousViolations(club)).toEqual([]);
    await club.screenshot({ path: `${SCREENSHOTS}/waitlist-offer.png`, fullPage: true });
    await accept.click();
    const booked = club.getByTestId('booking').filter({ hasText: 'angefragt' }).filter({ hasText: '14:00' });
    await booked.first().waitFor();
    await club.context().close();
  });
});

describe('check-in and QR sheets in the browser', () => {
  it('a scanned code without a booking there says so; a municipality prints its spaces’ codes', async () => {
    const commuter = await newPage();
    await signIn(commuter, baseUrl, 'pendlerin@demo.landraeume.example');
    await commuter.goto(`${baseUrl}/checkin/${'0'.repeat(64)}`);
    await commuter.getByRole('heading', { level: 1, name: 'Einchecken' }).waitFor();
    expect(await commuter.getByRole('alert').innerText()).toContain('keine Buchung');
    expect(await seriousViolations(commuter)).toEqual([]);
    await commuter.screenshot({ path: `${SCREENSHOTS}/checkin-none.png`, fullPage: true });
    await commuter.context().close();

    const town = await newPage();
    await signIn(town, baseUrl, 'gemeinde@demo.landraeume.example');
    await town.getByRole('link', { name: 'Anfragen' }).click();
    const sheetLink = town.getByRole('link', { name: /^QR-Bogen für/ }).first();
    await sheetLink.waitFor();
    await sheetLink.click();
    await town.getByRole('heading', { level: 1, name: /^QR-Codes zum Einchecken:/ }).waitFor();
    const codes = town.getByRole('img', { name: /^QR-Code zum Einchecken für/ });
    await codes.first().waitFor();
    expect(await codes.count()).toBeGreaterThan(0);
    expect(await town.getByRole('button', { name: 'Drucken' }).count()).toBe(1);
    expect(await seriousViolations(town)).toEqual([]);
    await town.screenshot({ path: `${SCREENSHOTS}/qr-sheet.png`, fullPage: true });
    await town.context().close();
  });
});
