import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

// A staffed hall no other browser test books, so its new buffer and key handover disturb nobody.
const SPACE = 'Veranstaltungsraum im Alten Rathaus Dülmen';
const KEY_PLACE = 'Rathaus Dülmen, Bürgerbüro, Markt 1';

describe('access, buffers and no-shows in the space editor', () => {
  it('the municipality sets a buffer and hands out the key at the town hall; after a reload both are still there', async () => {
    const page = await browser().newPage({ locale: 'de-DE', viewport: { width: 1200, height: 900 } });
    await signIn(page, baseUrl, 'gemeinde@demo.landraeume.example');
    await page.goto(`${baseUrl}/meine-raeume`);
    await page.getByRole('link', { name: SPACE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: SPACE }).waitFor();
    const details = page.locator('form', { has: page.getByRole('heading', { name: 'Angaben zum Raum' }) });

    // Key fields belong to key handover only, and appear when it is chosen.
    expect(await details.getByLabel('Ort der Schlüsselübergabe').count()).toBe(0);
    await details.getByRole('group', { name: 'Zugang' }).getByLabel('Zugangsart').selectOption('key_handover');
    await details.getByLabel('Ort der Schlüsselübergabe').fill(KEY_PLACE);
    await details.getByLabel('Schlüssel abholbar ab (Stunden vorher)').fill('24');
    await details.getByRole('group', { name: 'Puffer' }).getByLabel('Nachbereitung (Minuten nach jeder Buchung)').fill('30');

    // A grace period below five minutes is refused by the server and shown at its field.
    const grace = details.getByLabel('Einchecken spätestens (Minuten nach Beginn)');
    await grace.fill('3');
    await details.getByRole('button', { name: 'Speichern', exact: true }).click();
    await details.locator('#space-noShowGraceMinutes-error').waitFor();
    expect(await details.locator('.error-summary:focus').count()).toBe(1);
    expect(await grace.getAttribute('aria-invalid')).toBe('true');
    await details.locator('.error-summary').getByRole('link', { name: /Einchecken spätestens/ }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('space-noShowGraceMinutes');
    await grace.fill('20');
    await details.getByRole('button', { name: 'Speichern', exact: true }).click();
    await details.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: SPACE }).waitFor();
    expect(await details.getByLabel('Zugangsart').inputValue()).toBe('key_handover');
    expect(await details.getByLabel('Ort der Schlüsselübergabe').inputValue()).toBe(KEY_PLACE);
    expect(await details.getByLabel('Schlüssel abholbar ab (Stunden vorher)').inputValue()).toBe('24');
    expect(await details.getByLabel('Nachbereitung (Minuten nach jeder Buchung)').inputValue()).toBe('30');
    expect(await details.getByLabel('Vorbereitung (Minuten vor jeder Buchung)').inputValue()).toBe('0');
    expect(await details.getByLabel('Einchecken spätestens (Minuten nach Beginn)').inputValue()).toBe('20');
    await details.getByRole('group', { name: 'Zugang' }).screenshot({ path: `${SCREENSHOTS}/manage-space-access.png` });

    // On a small phone the new fieldsets fit the screen too.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/manage-space-access-360.png`, fullPage: true });
    await page.close();
  }, 90_000);
});
