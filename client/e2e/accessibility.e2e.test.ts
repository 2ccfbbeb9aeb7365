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


async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
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
  { paths: ['/', '/raeume/coworking-coesfeld-bahnhof', '/anmelden', '/registrieren', '/umfrage'] },
  { who: 'pendlerin@demo.landraeume.example', paths: ['/buchungen', '/konto'] },
  { who: 'gemeinde@demo.landraeume.example', paths: ['/anfragen', '/berichte', '/meine-raeume'], more: managedSpacePaths },
  { who: 'arbeitgeber@demo.landraeume.example', paths: ['/arbeitgeber'] },
  { who: 'admin@demo.landraeume.example', paths: ['/admin/auftraege', '/postfach', '/admin/organisationen'], more: employerPaths },
];

describe('accessibility', () => {
  it('finds no serious or critical WCAG 2.1 AA violation on the pages people use', async () => {
    const found: string[] = [];
    for (const group of PAGES) {
      // axe injects its script into every frame, which needs a context of its own.
      const context = await browser().newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      if (group.who) await signIn(page, baseUrl, group.who);
      for (const path of [...group.paths, ...((await group.more?.(page)) ?? [])]) found.push(...(await violations(page, path)));
      await page.screenshot({ path: `${SCREENSHOTS}/accessibility-${group.who?.split('@')[0] ?? 'public'}.png`, fullPage: true });
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
