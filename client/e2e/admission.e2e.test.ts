import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

describe('provider admission in the browser', () => {
  it('a club applies to offer its rooms, the municipality of its town admits it, the club sees it admitted', async () => {
    const name = `Musikverein Probenhaus ${Date.now()}`;
    const club = await browser().newPage({ locale: 'de-DE', viewport: { width: 360, height: 800 } });
    await signIn(club, baseUrl, 'verein@demo.landraeume.example');
    await club.goto(`${baseUrl}/anbieter-werden`);
    await club.getByRole('heading', { level: 1, name: 'Als Anbieter bewerben' }).waitFor();
    await club.getByLabel('Art der Organisation').selectOption('club');
    await club.getByLabel('Name der Organisation').fill(name);
    await club.getByLabel('Ort', { exact: true }).selectOption('Dülmen');
    await club.getByLabel('Raum 1: Name').fill('Probenraum');
    await club.getByLabel('Raum 1: kurze Beschreibung').fill('40 Plätze, Klavier');
    await club.getByRole('button', { name: 'Weiteren Raum hinzufügen' }).click();
    await club.getByLabel('Raum 2: Name').fill('Notenarchiv');
    await club.getByLabel('Telefon').fill('02594 777');
    await club.getByRole('button', { name: 'Bewerbung absenden' }).click();
    await club.getByRole('status').filter({ hasText: 'Bewerbung ist eingegangen' }).waitFor();
    expect(await club.locator('.card', { hasText: name }).innerText()).toContain('Wartet auf Entscheidung');
    await club.screenshot({ path: `${SCREENSHOTS}/admission-application.png`, fullPage: true });

    const town = await browser().newPage({ locale: 'de-DE' });
    await signIn(town, baseUrl, 'gemeinde@demo.landraeume.example');
    await town.getByRole('link', { name: 'Zulassung' }).click();
    const card = town.getByRole('listitem').filter({ has: town.getByRole('heading', { name }) });
    await card.waitFor();
    expect(await card.innerText()).toContain('Probenraum – 40 Plätze, Klavier');
    await card.getByRole('button', { name: 'Zulassen' }).click();
    await card.getByText('Zugelassen').waitFor();
    await town.screenshot({ path: `${SCREENSHOTS}/admission-inbox.png`, fullPage: true });
    await town.close();

    await club.reload();
    await club.locator('.card', { hasText: name }).getByText('Zugelassen').waitFor();
    await club.close();
  });
});
