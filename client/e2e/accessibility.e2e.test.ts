import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';

/*
 * axe-core (WCAG 2.1 A and AA rules) on every page people use, signed in as the role that uses
 * it; a serious or critical finding fails the test. Automated checks find only part of what
 * BITV asks for, but they keep the part they find from coming back.
 */

const browser = useBrowser();
const baseUrl = inject('baseUrl');


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
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

const PAGES: { who?: string; paths: (string | ((page: Page) => Promise<string>))[] }[] = [
  { paths: ['/', '/raeume/coworking-coesfeld-bahnhof', '/anmelden', '/registrieren', '/umfrage'] },
  { who: 'pendlerin@demo.landraeume.example', paths: ['/buchungen', '/konto', `/checkin/${'0'.repeat(64)}`] },
  { who: 'gemeinde@demo.landraeume.example', paths: ['/anfragen', '/berichte', firstQrSheet] },
  { who: 'arbeitgeber@demo.landraeume.example', paths: ['/arbeitgeber'] },
  { who: 'admin@demo.landraeume.example', paths: ['/admin/auftraege', '/postfach'] },
];

describe('accessibility', () => {
  it('finds no serious or critical WCAG 2.1 AA violation on the pages people use', async () => {
    const found: string[] = [];
    for (const group of PAGES) {
      // axe injects its script into every frame, which needs a context of its own.
      const context = await browser().newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      if (group.who) await signIn(page, baseUrl, group.who);
      for (const path of group.paths) found.push(...(await violations(page, typeof path === 'string' ? path : await path(page))));
      await page.screenshot({ path: `${SCREENSHOTS}/accessibility-${group.who?.split('@')[0] ?? 'public'}.png`, fullPage: true });
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
