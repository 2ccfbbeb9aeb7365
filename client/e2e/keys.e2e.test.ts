import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';
import { openDayAhead } from './days';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

/** A Tuesday to Thursday at least four days ahead: past the room's two-day lead time, inside its school-evening hours. */
function eveningDay(): string {
  return openDayAhead(4).toISODate()!;
}

describe('key handover in the browser', () => {
  it('a club member books a room with key handover; the town’s staff hand the key out and take it back on the key board', async () => {
    const member = await browser().newContext({ locale: 'de-DE' });
    const club = await member.newPage();
    await signIn(club, baseUrl, 'mitglied@demo.landraeume.example');
    await club.goto(`${baseUrl}/raeume/duelmen-overbergschule-musikraum`);
    await club.getByRole('heading', { level: 1, name: 'Musikschulraum in der Overbergschule' }).waitFor();
    expect(await club.locator('.facts').innerText()).toContain('Zugang: Schlüsselübergabe');
    await club.getByLabel('Tag wählen').fill(eveningDay());
    // Late, so it never meets the other browser tests' requests for this room (18:00–21:00).
    await club.getByLabel('Von').selectOption({ label: '21:00' });
    await club.getByLabel('Bis').selectOption({ label: '22:00' });
    await club.getByRole('button', { name: 'Anfrage senden' }).click();
    await club.getByRole('status').filter({ hasText: 'angefragt' }).waitFor();

    const staff = await browser().newContext({ locale: 'de-DE' });
    const town = await staff.newPage();
    await signIn(town, baseUrl, 'gemeinde@demo.landraeume.example');
    await town.getByRole('link', { name: 'Anfragen' }).click();
    const request = town.getByTestId('booking').filter({ hasText: 'Musikschulraum in der Overbergschule' });
    await request.getByRole('button', { name: 'Bestätigen' }).click();
    await request.waitFor({ state: 'detached' });

    // The confirmed booker learns where and when to fetch the key.
    await club.getByRole('link', { name: 'Meine Buchungen' }).click();
    const access = club.getByTestId('booking').filter({ hasText: 'Musikschulraum in der Overbergschule' }).getByTestId('access-info');
    await access.waitFor();
    expect(await access.innerText()).toContain('Schlüssel abholen ab');
    expect(await access.innerText()).toContain('Hausmeister der Overbergschule');
    expect(await access.innerText()).toContain('Schlüssel zurückgeben bis');

    await town.getByRole('link', { name: 'Schlüssel' }).click();
    await town.getByRole('heading', { level: 1, name: 'Schlüsselbrett' }).waitFor();
    const entry = town.getByTestId('key-handover').filter({ hasText: 'Musikschulraum in der Overbergschule' }).filter({ hasText: 'Clara Mitglied' });
    expect(await entry.innerText()).toContain('auszugeben');
    await entry.getByRole('button', { name: /^Schlüssel ausgegeben/ }).click();
    await entry.getByRole('button', { name: /^Schlüssel zurück/ }).waitFor();
    expect(await entry.innerText()).toContain('ausgegeben');
    expect(await entry.innerText()).toContain('von Frank Liegenschaften');
    await town.getByRole('heading', { name: 'Ausgegeben' }).waitFor();
    await town.screenshot({ path: `${SCREENSHOTS}/key-board-out.png`, fullPage: true });

    await entry.getByRole('button', { name: /^Schlüssel zurück/ }).click();
    await entry.getByText('zurück', { exact: true }).waitFor();
    expect(await entry.innerText()).toContain('angenommen von Frank Liegenschaften');
    expect(await entry.getByRole('button').count()).toBe(0);
    await town.screenshot({ path: `${SCREENSHOTS}/key-board-returned.png`, fullPage: true });

    await club.reload();
    const after = club.getByTestId('booking').filter({ hasText: 'Musikschulraum in der Overbergschule' }).getByTestId('access-info');
    await after.getByText(/Schlüssel zurück am/).waitFor();
    await club.screenshot({ path: `${SCREENSHOTS}/my-booking-key.png`, fullPage: true });
    await member.close();
    await staff.close();
  });
});
