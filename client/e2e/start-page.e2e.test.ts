import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

let browser: Browser;
let page: Page;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'de-DE' });
});
afterAll(async () => {
  await browser?.close();
});

describe('the start page', () => {
  it('lists the seeded spaces in German', async () => {
    await page.goto(baseUrl);
    await page.locator('[data-testid="space-card"]').first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    const cards = await page.locator('[data-testid="space-card"]').count();
    const api = (await (await fetch(`${baseUrl}/api/spaces?pageSize=100`)).json()) as { total: number };
    expect(cards).toBe(Math.min(api.total, 100));
    expect(await page.locator('h1').innerText()).toMatch(/Landräume|Räume|Arbeitsplätze/);
  });

  it('filters by town through the URL, so a search can be shared', async () => {
    await page.goto(`${baseUrl}/?municipality=${encodeURIComponent('Dülmen')}`);
    await page.locator('[data-testid="space-card"]').first().waitFor();
    const texts = await page.locator('[data-testid="space-card"]').allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('Dülmen');
  });

  it('switches to English, fetching that dictionary only then, and keeps it for the next visit', async () => {
    const dictionaries: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/en-[\w-]+\.js$/.test(request.url())) dictionaries.push(request.url());
    });
    await page.goto(baseUrl);
    await page.locator('h1', { hasText: 'Räume und Arbeitsplätze in Ihrer Nähe' }).waitFor();
    expect(dictionaries).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Rooms and desks near you' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(dictionaries).toHaveLength(1);
    await page.reload();
    await page.locator('h1', { hasText: 'Rooms and desks near you' }).waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.locator('h1', { hasText: 'Räume und Arbeitsplätze in Ihrer Nähe' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
  });

  it('serves client routes and keeps API 404s as JSON', async () => {
    const spa = await fetch(`${baseUrl}/suche/irgendwas`, { headers: { Accept: 'text/html' } });
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<div id="root">');
    const api = await fetch(`${baseUrl}/api/nope`, { headers: { Accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
