import { describe, expect, inject, it } from 'vitest';
import { signIn, useBrowser } from './browser';
import { openDayAhead, WEDNESDAY } from './days';

const browser = useBrowser();
const baseUrl = inject('baseUrl');


/** A Wednesday at least a week ahead on which the seeded coworking spaces are open. */
function nextWednesday(): string {
  return openDayAhead(7, WEDNESDAY).toISODate()!;
}

describe('the employer pilot in the browser', () => {
  it('an employee books through her employer, and the employer sees usage, quota bars and the statement link', async () => {
    const employee = await browser().newPage({ locale: 'de-DE' });
    await signIn(employee, baseUrl, 'mitarbeiterin@demo.landraeume.example');
    await employee.goto(`${baseUrl}/raeume/coworking-coesfeld-bahnhof`);
    await employee.getByLabel('Tag wählen').fill(nextWednesday());
    await employee.getByLabel('Über meinen Arbeitgeber buchen').check();
    await employee.getByRole('button', { name: 'Jetzt buchen' }).click();
    await employee.getByRole('status').filter({ hasText: 'Gebucht' }).waitFor();
    await employee.close();

    const employer = await browser().newPage({ locale: 'de-DE' });
    await signIn(employer, baseUrl, 'arbeitgeber@demo.landraeume.example');
    await employer.getByRole('link', { name: 'Arbeitgeber' }).click();
    await employer.getByRole('heading', { level: 1, name: 'Pilotverträge und Nutzung' }).waitFor();
    await employer.getByRole('rowheader', { name: 'Eva Entwicklerin' }).first().waitFor();
    expect(await employer.getByRole('progressbar').count()).toBeGreaterThan(0);
    expect(await employer.getByRole('link', { name: /Abrechnung/ }).count()).toBe(1);
    expect(await employer.locator('html').getAttribute('lang')).toBe('de');
    await employer.close();
  }, 60_000);
});
