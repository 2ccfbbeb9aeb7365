import { DateTime } from 'luxon';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';
import { openDayAhead, WEDNESDAY } from './days';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** A Wednesday a week or more ahead: past the room's two-day lead time, clear of other tests' dates. */
function nextWednesday(): string {
  return openDayAhead(7, WEDNESDAY).toISODate()!;
}

describe('a weekly series request (issue #9, browser test 2)', () => {
  it('a club admin requests a weekly series, the town approves it from the inbox, the club sees it confirmed', async () => {
    const day = nextWednesday();
    const club = await browser().newPage({ locale: 'de-DE' });
    const errors: string[] = [];
    club.on('pageerror', (error) => errors.push(error.message));
    await signIn(club, baseUrl, 'verein@demo.landraeume.example');
    await club.goto(`${baseUrl}/raeume/duelmen-overbergschule-musikraum`);
    await club.getByLabel('Tag wählen').fill(day);
    await club.getByLabel('Von').selectOption({ label: '19:00' });
    await club.getByLabel('Bis').selectOption({ label: '21:00' });
    await club.getByLabel('Zweck (optional)').fill('Chorprobe');
    await club.getByText('Regelmäßig buchen').click();
    const series = club.locator('.series-request');
    expect(await series.innerText()).toContain('Wöchentlich am Mittwoch, 19:00–21:00 Uhr');
    expect(await series.getByLabel('Buchen für').locator('option:checked').innerText()).toBe('Musikverein Lüdinghausen 1921 e.V.');
    await series.getByLabel('Anzahl Termine (höchstens 52)').fill('5');
    const skipped = DateTime.fromISO(day).plus({ weeks: 2 }).toISODate()!;
    await series.getByLabel('Tag auslassen').fill(skipped);
    await series.getByRole('button', { name: 'Auslassen' }).click();
    await series.getByRole('button', { name: 'Vorschau' }).click();

    const dates = series.getByTestId('occurrence');
    await dates.first().waitFor();
    expect(await dates.count()).toBe(4);
    const previewed = await dates.allInnerTexts();
    for (const text of previewed) expect(text).toMatch(/^Mi\.? .*19:00–21:00/s);
    expect(previewed.join('\n')).not.toContain(DateTime.fromISO(skipped).toFormat('d.M.yyyy'));
    const free = previewed.filter((text) => text.includes('frei')).length;
    expect(free).toBeGreaterThan(0);
    await series.getByLabel('Freie Termine buchen, die anderen auslassen').check();
    await club.screenshot({ path: `${SCREENSHOTS}/series-preview.png`, fullPage: true });
    await series.getByRole('button', { name: 'Serie anfragen' }).click();
    await series.getByRole('status').filter({ hasText: `${free} Termine gesendet` }).waitFor();

    const town = await browser().newPage({ locale: 'de-DE' });
    await signIn(town, baseUrl, 'gemeinde@demo.landraeume.example');
    await town.getByRole('link', { name: 'Anfragen' }).click();
    const request = town.getByTestId('series-request').filter({ hasText: 'Musikschulraum in der Overbergschule' });
    await request.waitFor();
    expect(await request.getByTestId('booking').count()).toBe(free);
    expect(await request.innerText()).toContain('Chorprobe');
    await town.screenshot({ path: `${SCREENSHOTS}/series-inbox.png`, fullPage: true });
    await request.getByRole('button', { name: `Ganze Serie bestätigen (${free} Termine)` }).click();
    await town.getByRole('status').filter({ hasText: `${free} Termine der Serie bestätigt` }).waitFor();
    await request.waitFor({ state: 'detached' });
    await town.close();

    await club.getByRole('link', { name: 'Meine Buchungen' }).click();
    // The club has other bookings of this room from other browser tests; the series' dates say "Serie".
    const mine = club.getByTestId('booking').filter({ hasText: 'Musikschulraum in der Overbergschule' }).filter({ hasText: 'Serie' });
    await mine.first().waitFor();
    const lines = await mine.allInnerTexts();
    expect(lines).toHaveLength(free);
    for (const line of lines) {
      expect(line).toContain('bestätigt');
      expect(line).toContain('Serie');
    }
    await club.screenshot({ path: `${SCREENSHOTS}/series-confirmed.png`, fullPage: true });

    // The club ends the series from its last date on: only that date is cancelled.
    await mine.last().getByRole('button', { name: 'Diesen und alle folgenden Termine stornieren' }).click();
    await mine.last().getByText('storniert').waitFor();
    expect((await mine.allInnerTexts()).filter((line) => line.includes('bestätigt'))).toHaveLength(free - 1);
    expect(errors).toEqual([]);
    await club.close();
  });
});
