import { DateTime } from 'luxon';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';
import { isOpenDay } from './days';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

const SPACE = 'Seminarraum im Bildungszentrum Dülmen';
const SLUG = 'duelmen-bildungswerk-seminar';

describe('providers and the platform team at work', () => {
  it('the municipality changes a space’s Saturday hours and closes it for a day; the public page shows both', async () => {
    const page = await browser().newPage({ locale: 'de-DE', viewport: { width: 1200, height: 900 } });
    await signIn(page, baseUrl, 'gemeinde@demo.landraeume.example');
    await page.getByRole('link', { name: 'Meine Räume' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Räume' }).waitFor();
    await page.getByRole('link', { name: SPACE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: SPACE }).waitFor();

    // A second room is added, renamed and taken out of service again: rooms are never deleted.
    await page.locator('#resource-kind').selectOption('room');
    await page.locator('#resource-name').fill('Kleiner Nebenraum');
    await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    const row = page.locator('.resource-row', { has: page.getByLabel('Name von „Kleiner Nebenraum“') });
    await row.getByLabel('Name von „Kleiner Nebenraum“').fill('Nebenraum am Flur');
    await row.getByRole('button', { name: 'Umbenennen' }).click();
    await page.getByRole('button', { name: '„Nebenraum am Flur“ außer Betrieb nehmen' }).click();
    await page.getByRole('button', { name: '„Nebenraum am Flur“ wieder in Betrieb nehmen' }).waitFor();
    expect(await page.locator('.resource-row', { has: page.getByLabel('Name von „Nebenraum am Flur“') }).getByText('außer Betrieb').count()).toBe(1);

    // Saturday becomes two periods, whatever it was before.
    const saturday = page.getByRole('group', { name: 'Samstag' });
    while ((await saturday.getByRole('button', { name: /entfernen/ }).count()) > 0) await saturday.getByRole('button', { name: /entfernen/ }).first().click();
    await saturday.getByRole('button', { name: 'Zeitraum am Samstag hinzufügen' }).click();
    await saturday.getByRole('button', { name: 'Zeitraum am Samstag hinzufügen' }).click();
    await saturday.locator('#hours-6-0-opens').fill('09:00');
    await saturday.locator('#hours-6-0-closes').fill('12:00');
    // First an overlap: the form names it next to the row and saves nothing.
    await saturday.locator('#hours-6-1-opens').fill('11:00');
    await saturday.locator('#hours-6-1-closes').fill('17:30');
    const hoursForm = page.locator('form', { has: page.getByRole('heading', { name: 'Öffnungszeiten' }) });
    await hoursForm.getByRole('button', { name: 'Öffnungszeiten speichern' }).click();
    await saturday.getByText('Überschneidet sich mit einem anderen Zeitraum dieses Tages.').waitFor();
    expect(await hoursForm.locator('.error-summary:focus').count()).toBe(1);
    await saturday.locator('#hours-6-1-opens').fill('14:00');
    await hoursForm.getByRole('button', { name: 'Öffnungszeiten speichern' }).click();
    await hoursForm.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();

    // A closure on a day eight weeks ahead, clear of the other browser tests' bookings; a last day
    // before the first is refused in words first.
    const day = DateTime.now().setZone('Europe/Berlin').plus({ weeks: 8 });
    await page.getByLabel('Erster Tag').fill(day.toISODate()!);
    await page.getByLabel('Letzter Tag').fill(day.minus({ days: 1 }).toISODate()!);
    await page.getByLabel('Grund (öffentlich sichtbar)').fill('Renovierung der Fenster');
    await page.getByRole('button', { name: 'Schließung speichern' }).click();
    const closureForm = page.locator('form', { has: page.getByRole('heading', { name: 'Schließung eintragen' }) });
    await closureForm.locator('.field-error').first().waitFor();
    await page.getByLabel('Letzter Tag').fill('');
    await page.getByRole('button', { name: 'Schließung speichern' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Renovierung der Fenster' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/manage-space-editor.png`, fullPage: true });
    // On a small phone the editor fits the screen: nothing to scroll sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/manage-space-editor-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1200, height: 900 });

    await page.goto(`${baseUrl}/raeume/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: SPACE }).waitFor();
    const hours = page.locator('dl.hours div', { has: page.getByText('Samstag', { exact: true }) });
    expect(await hours.locator('dd').textContent()).toBe('09:00–12:00, 14:00–17:30');
    const closures = page.locator('section', { has: page.getByRole('heading', { name: 'Schließungen' }) });
    expect(await closures.getByRole('listitem').filter({ hasText: 'Renovierung der Fenster' }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/manage-public-page.png`, fullPage: true });

    // The provider's calendar of the space opens, in German, with its week view.
    await page.goto(`${baseUrl}/meine-raeume`);
    await page.getByRole('link', { name: `Belegungskalender von „${SPACE}“` }).click();
    await page.getByRole('heading', { level: 1, name: `Belegung: ${SPACE}` }).waitFor();
    await page.locator('.rbc-time-view').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/manage-calendar.png`, fullPage: true });
    await page.close();
  }, 90_000);

  it('the platform team founds an employer and sets up, then ends, its contract', async () => {
    const page = await browser().newPage({ locale: 'de-DE', viewport: { width: 360, height: 800 } });
    await signIn(page, baseUrl, 'admin@demo.landraeume.example');
    await page.getByRole('link', { name: 'Organisationen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationen' }).waitFor();
    await page.getByLabel('Art', { exact: true }).selectOption('employer');
    await page.getByLabel('Name', { exact: true }).fill('Hofladen Nottuln GmbH');
    await page.getByLabel('Kommune im Kreis').selectOption('Nottuln');
    await page.getByLabel('E-Mail-Adresse der ersten Admin-Person').fill('chefin@hofladen-nottuln.example');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hofladen Nottuln GmbH' }).waitFor();

    await page.getByRole('button', { name: 'Neuer Vertrag' }).click();
    // Saved empty, the server's refusal is listed at the top, each entry leading to its field.
    await page.getByRole('button', { name: 'Vertrag speichern' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: /Bezeichnung/ }).waitFor();
    await page.getByLabel('Bezeichnung').fill('Pilot Hofladen 2026');
    await page.getByLabel('Gültig ab').fill('2026-01-01');
    await page.getByLabel('Gültig bis').fill('2026-12-31');
    await page.getByRole('group', { name: 'Abgedeckte Räume' }).getByRole('checkbox').first().check();
    await page.getByLabel('Tage pro Person und Monat').fill('6');
    await page.getByLabel('Preis in Euro').fill('19,50');
    await page.getByRole('button', { name: 'Vertrag speichern' }).click();
    const contract = page.getByRole('listitem').filter({ hasText: 'Pilot Hofladen 2026' });
    await contract.getByText('19,50 € pro Tag').waitFor();
    expect(await contract.getByText('aktiv').count()).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-contract.png`, fullPage: true });

    await page.getByRole('button', { name: 'Vertrag „Pilot Hofladen 2026“ beenden' }).click();
    await contract.getByText('beendet').waitFor();
    await page.getByLabel('Grund der Sperre (geht an die Buchenden ihrer Räume)').fill('Gewerbeanmeldung fehlt');
    await page.getByRole('button', { name: 'Organisation sperren' }).click();
    await page.getByRole('button', { name: 'Organisation wieder freischalten' }).waitFor();
    await page.getByRole('link', { name: 'Zurück zu allen Organisationen' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Hofladen Nottuln GmbH' });
    await row.getByRole('cell', { name: 'gesperrt' }).waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Hofladen Nottuln GmbH', 'Arbeitgeber', 'Nottuln', 'gesperrt']);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-organizations.png`, fullPage: true });
    await page.close();
  }, 90_000);

  it('a club’s request shows in the provider’s calendar with who asked; the municipality approves it in the dialog', async () => {
    // The Tuesday of a coming week, as the calendar steps there with "Weiter".
    let weeksAhead = 1;
    const tuesdayIn = (weeks: number) => DateTime.now().setZone('Europe/Berlin').plus({ weeks }).set({ weekday: 2 }).startOf('day');
    while (!isOpenDay(tuesdayIn(weeksAhead))) weeksAhead += 1;
    const day = tuesdayIn(weeksAhead);
    const club = await browser().newPage({ locale: 'de-DE' });
    await signIn(club, baseUrl, 'verein@demo.landraeume.example');
    await club.goto(`${baseUrl}/raeume/duelmen-overbergschule-musikraum`);
    await club.getByLabel('Tag wählen').fill(day.toISODate()!);
    await club.getByLabel('Von').selectOption({ label: '18:00' });
    await club.getByLabel('Bis').selectOption({ label: '20:00' });
    await club.getByRole('button', { name: 'Anfrage senden' }).click();
    await club.getByRole('status').filter({ hasText: 'angefragt' }).waitFor();
    await club.close();

    const town = await browser().newPage({ locale: 'de-DE', viewport: { width: 1200, height: 900 } });
    await signIn(town, baseUrl, 'gemeinde@demo.landraeume.example');
    await town.goto(`${baseUrl}/meine-raeume`);
    await town.getByRole('link', { name: 'Belegungskalender von „Musikschulraum in der Overbergschule“' }).click();
    await town.getByRole('heading', { level: 1, name: 'Belegung: Musikschulraum in der Overbergschule' }).waitFor();
    for (let week = 0; week < weeksAhead; week += 1) await town.getByRole('button', { name: 'Weiter' }).click();
    const request = town.locator('.rbc-event.calendar-pending').filter({ hasText: 'Bernd Vorstand' });
    await request.waitFor();
    expect(await request.innerText()).toContain('18:00');
    await request.click();
    const dialog = town.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('verein@demo.landraeume.example');
    await town.screenshot({ path: `${SCREENSHOTS}/manage-calendar-dialog.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Bestätigen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await town.locator('.rbc-event.calendar-confirmed').filter({ hasText: 'Bernd Vorstand' }).waitFor();
    expect(await town.locator('.rbc-event.calendar-pending').count()).toBe(0);
    await town.close();
  }, 90_000);
});
