import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './browser';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

describe('the search map', () => {
  it('shows the results on a map that works by keyboard, and keeps working without tiles', async () => {
    // This machine has no network: the tiles fail to load, as they would behind a broken tile server.
    const page = await browser().newPage({ locale: 'de-DE' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/?municipality=${encodeURIComponent('Dülmen')}&kind=meeting_room`);
    await page.locator('[data-testid="space-card"]').first().waitFor();
    const names = await page.locator('[data-testid="space-card"] h2').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Karte' }).click();
    expect(new URL(page.url()).searchParams.get('view')).toBe('map');
    const map = page.getByRole('region', { name: 'Karte der Suchergebnisse' });
    await map.waitFor();
    const markers = map.locator('.leaflet-marker-icon');
    await markers.first().waitFor();
    expect(await markers.count()).toBe(names.length);
    for (const name of names) expect(await map.getByRole('button', { name: new RegExp(`^${name}, Dülmen`) }).count()).toBe(1);
    // The same places as links, for anyone who does not use the map.
    expect(await page.getByRole('list', { name: 'Orte auf der Karte' }).getByRole('link').allInnerTexts()).toEqual(names);

    const first = markers.first();
    await first.focus();
    await page.keyboard.press('Enter');
    const popup = map.locator('.leaflet-popup');
    await popup.waitFor();
    const name = await popup.getByRole('link').innerText();
    expect(names).toContain(name);
    await page.getByText('Der Kartenhintergrund konnte nicht geladen werden').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/search-map.png`, fullPage: true });

    await popup.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goBack();
    await map.waitFor();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('meeting_room');
    await page.getByRole('button', { name: 'Liste' }).click();
    await page.locator('[data-testid="space-card"]').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads Leaflet only when the map is opened', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(baseUrl);
    await page.locator('[data-testid="space-card"]').first().waitFor();
    expect(scripts.some((url) => url.includes('SpaceMap'))).toBe(false);
    await page.getByRole('button', { name: 'Karte' }).click();
    await page.getByRole('region', { name: 'Karte der Suchergebnisse' }).waitFor();
    expect(scripts.some((url) => url.includes('SpaceMap'))).toBe(true);
    await page.close();
  });

  it('takes every filter from a shared address and fills the form with it', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    await page.goto(`${baseUrl}/?date=15.3.2027&from=18:00&to=20:00&minCapacity=50&amenities=stage&kind=event_room`);
    await page.locator('.result-count').waitFor();
    expect(await page.getByLabel('Tag', { exact: true }).inputValue()).toBe('2027-03-15');
    expect(await page.getByLabel('Ab (Uhrzeit)').inputValue()).toBe('18:00');
    expect(await page.getByLabel('Mindestens Personen').inputValue()).toBe('50');
    const cards = await page.locator('[data-testid="space-card"]').allInnerTexts();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card).toMatch(/frei/);
    await page.close();
  });

  it('fits a 360 px wide phone: the filters, the map and the sign-in dialog', async () => {
    const page = await browser().newPage({ locale: 'de-DE', viewport: { width: 360, height: 740 } });
    const overflow = () => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
    await page.goto(`${baseUrl}/?view=map`);
    await page.locator('.leaflet-marker-icon').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/search-map-phone.png`, fullPage: true });
    await page.goto(`${baseUrl}/raeume/coworking-coesfeld-bahnhof`);
    await page.getByRole('button', { name: 'Jetzt buchen' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const box = (await page.getByRole('dialog').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await page.close();
  });
});
