import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';
import { openDayAhead, WEDNESDAY } from './days';

/*
 * axe-core (WCAG 2.1 A and AA rules) on every page people use, signed in as the role that uses
 * it; a serious or critical finding fails the test. Automated checks find only part of what
 * BITV asks for, but they keep the part they find from coming back.
 */

const browser = useBrowser();
const baseUrl = inject('baseUrl');


/** Serious and critical findings on the page as it is now, named by `where`. */
async function violationsHere(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** The printable QR sheet of the first space the signed-in admin sees linked in the inbox. */
async function firstQrSheet(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/anfragen`);
  const link = page.getByRole('link', { name: /^QR-Bogen für/ }).first();
  await link.waitFor();
  return (await link.getAttribute('href'))!;
}

async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  return violationsHere(page, path);
}

/** A Wednesday a few weeks ahead, where the club rooms are open in the evening. */
function wednesdayAhead(): string {
  return openDayAhead(21, WEDNESDAY).toISODate()!;
}

/** The editor and calendar of the first space the signed-in manager looks after. */
async function managedSpacePaths(page: Page): Promise<string[]> {
  const me = await (await page.request.get(`${baseUrl}/api/auth/me`)).json();
  const org = me.memberships.find((m: { organizationKind: string }) => m.organizationKind === 'municipality');
  const spaces = await (await page.request.get(`${baseUrl}/api/organizations/${org.organizationId}/spaces`)).json();
  return [`/meine-raeume/${spaces.items[0].id}`, `/meine-raeume/${spaces.items[0].id}/kalender`];
}

/** An employer's page in the admin screens, with its members and contracts. */
async function employerPaths(page: Page): Promise<string[]> {
  const organizations = await (await page.request.get(`${baseUrl}/api/organizations`)).json();
  return [`/admin/organisationen/${organizations.items.find((o: { kind: string }) => o.kind === 'employer').id}`];
}

const PAGES: { who?: string; paths: string[]; more?: (page: Page) => Promise<string[]> }[] = [
  { paths: ['/', '/?view=map', '/raeume/coworking-coesfeld-bahnhof', '/anmelden', '/registrieren', '/umfrage'] },
  { who: 'pendlerin@demo.landraeume.example', paths: ['/buchungen', '/konto', '/anbieter-werden', `/checkin/${'0'.repeat(64)}`] },
  { who: 'gemeinde@demo.landraeume.example', paths: ['/anfragen', '/berichte', '/webhooks', '/schluessel', '/zulassung', '/meine-raeume'], more: async (page) => [...(await managedSpacePaths(page)), await firstQrSheet(page)] },
  { who: 'arbeitgeber@demo.landraeume.example', paths: ['/arbeitgeber'] },
  { who: 'admin@demo.landraeume.example', paths: ['/admin/auftraege', '/postfach', '/admin/organisationen'], more: employerPaths },
];

describe('accessibility', () => {
  // A test per role: together the pages took longer than one test may on a slow machine.
  for (const group of PAGES) {
    it(`finds no serious or critical WCAG 2.1 AA violation on the pages ${group.who ? `${group.who.split('@')[0]} uses` : 'anyone sees'}`, async () => {
      const found: string[] = [];
      // axe injects its script into every frame, which needs a context of its own.
      const context = await browser().newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      if (group.who) await signIn(page, baseUrl, group.who);
      for (const path of [...group.paths, ...((await group.more?.(page)) ?? [])]) found.push(...(await violations(page, path)));
      await page.screenshot({ path: `${SCREENSHOTS}/accessibility-${group.who?.split('@')[0] ?? 'public'}.png`, fullPage: true });
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('finds none in the states a page reaches by use: the open map, the sign-in dialog, a series preview, the editor’s lock settings', async () => {
    const found: string[] = [];
    const context = await browser().newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?view=map`);
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await page.locator('.leaflet-marker-icon').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-popup').waitFor();
    // Leaflet fades a popup in; axe measuring contrast mid-fade sees text blended into the map.
    await expect.poll(() => page.evaluate("getComputedStyle(document.querySelector('.leaflet-popup')).opacity")).toBe('1');
    found.push(...(await violationsHere(page, 'map with a popup')));

    await page.goto(`${baseUrl}/raeume/coworking-coesfeld-bahnhof`);
    await page.getByRole('button', { name: 'Jetzt buchen' }).click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await violationsHere(page, 'sign-in dialog')));
    await page.getByRole('dialog').getByRole('button', { name: 'Neues Konto' }).click();
    found.push(...(await violationsHere(page, 'register dialog')));
    await page.screenshot({ path: `${SCREENSHOTS}/accessibility-dialog.png` });

    await signIn(page, baseUrl, 'verein@demo.landraeume.example');
    await page.goto(`${baseUrl}/raeume/duelmen-overbergschule-musikraum`);
    await page.getByLabel('Tag wählen').fill(wednesdayAhead());
    await page.getByLabel('Von').selectOption({ label: '18:00' });
    await page.getByLabel('Bis').selectOption({ label: '20:00' });
    await page.getByText('Regelmäßig buchen').click();
    await page.getByRole('button', { name: 'Vorschau' }).click();
    await page.getByTestId('occurrence').first().waitFor();
    found.push(...(await violationsHere(page, 'series preview')));
    await page.screenshot({ path: `${SCREENSHOTS}/accessibility-series.png`, fullPage: true });
    await context.close();

    // The space editor with every access setting shown and a refused value: nothing is stored.
    const townContext = await browser().newContext({ locale: 'de-DE' });
    const town = await townContext.newPage();
    await signIn(town, baseUrl, 'gemeinde@demo.landraeume.example');
    const [editor] = await managedSpacePaths(town);
    await town.goto(`${baseUrl}${editor}`);
    await town.getByLabel('Zugangsart').selectOption('smart_lock');
    await town.getByLabel('Anbindung des Schlosses').selectOption('webhook');
    await town.getByLabel('Einchecken spätestens (Minuten nach Beginn)').fill('3');
    await town.getByRole('button', { name: 'Speichern', exact: true }).click();
    await town.locator('#space-noShowGraceMinutes-error').waitFor();
    found.push(...(await violationsHere(town, 'space editor with lock settings and an error')));
    await town.screenshot({ path: `${SCREENSHOTS}/accessibility-space-access.png`, fullPage: true });
    await townContext.close();
    expect(found).toEqual([]);
  });
});
