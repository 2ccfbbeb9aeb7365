import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, signIn, useBrowser } from './browser';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };


describe('the commuter survey on a phone', () => {
  it('is filled in without an account, says what is missing in words, thanks, and refuses a second answer', async () => {
    const page = await browser().newPage({ locale: 'de-DE', viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${baseUrl}/umfrage`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Umfrage' }).waitFor();
    expect(await page.getByLabel('Ortsteil, in dem Sie wohnen').locator('option').count()).toBe(31);

    // Sent empty: the required answers are named, in German, next to their questions.
    await page.getByRole('button', { name: 'Antworten absenden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie die markierten Antworten' }).waitFor();
    expect(await page.locator('.field-error').allInnerTexts()).toContain('Bitte beantworten Sie diese Frage.');

    await page.getByLabel('Postleitzahl Ihres Wohnorts').fill('48301');
    // Before a postcode, all the district's villages are a select; after it, the town's few are radios.
    expect(await page.getByRole('radio', { name: 'Appelhülsen (Nottuln)' }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Buldern (Dülmen)' }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Appelhülsen (Nottuln)' }).check();
    await page.getByLabel('Postleitzahl Ihres Arbeitsorts').fill('48143');
    await page.getByRole('radio', { name: 'Auto', exact: true }).check();
    await page.getByLabel('Länge des einfachen Arbeitswegs in Kilometern').fill('22');
    await page.getByLabel('An wie vielen Tagen pro Woche pendeln Sie?').fill('4');
    await page.getByRole('radio', { name: 'Teilweise' }).check();
    await page.getByLabel('An wie vielen Tagen pro Woche würden Sie einen Arbeitsplatz in Wohnortnähe nutzen?').fill('2');
    await page.getByRole('checkbox', { name: 'Schnelles WLAN' }).check();
    await page.getByRole('checkbox', { name: 'Ruhige Plätze' }).check();
    await page.getByRole('checkbox', { name: 'Sporthalle' }).check();
    await page.getByRole('radio', { name: 'Bis 30' }).check();
    await page.getByRole('checkbox', { name: 'Werktags abends' }).check();

    // Nothing is wider than the phone: no sideways scrolling.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}/survey-phone-filled.png`, fullPage: true });

    await page.getByRole('button', { name: 'Antworten absenden' }).click();
    await page.getByRole('heading', { name: 'Vielen Dank für Ihre Teilnahme!' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/survey-phone-thanks.png`, fullPage: true });

    await page.reload();
    await page.getByRole('heading', { name: 'Sie haben bereits teilgenommen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Antworten absenden' }).count()).toBe(0);
    await page.close();
  });

  it('asks for a newsletter address to be confirmed by mail, and following the link confirms it', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    const answered = await page.request.post(`${baseUrl}/api/survey/responses`, {
      data: { browserKey: `e2e-newsletter-${Date.now()}-abcdef`, answers: { home_postcode: '48301', commute_mode: 'car' }, newsletterEmail: `neugierig-${Date.now()}@example.org` },
    });
    expect(answered.status()).toBe(201);

    // The mail, as the platform team sees it in the app's mailbox (no mail server here).
    await signIn(page, baseUrl, 'admin@demo.landraeume.example');
    await page.getByRole('link', { name: 'Postfach (Entwicklung)' }).click();
    const subject = page.getByRole('button', { name: 'Bitte bestätigen Sie Ihre Anmeldung zum Landräume-Newsletter' }).first();
    // The worker sends every two seconds: reload until the mail is listed, giving each load time to fetch.
    const listed = () => subject.waitFor({ timeout: 2_000 }).then(() => true, () => false);
    for (let i = 0; i < 15 && !(await listed()); i++) await page.reload();
    await subject.click();
    const link = /https?:\/\/\S+\/newsletter\/bestaetigen\?token=[A-Za-z0-9_-]+/.exec(await page.locator('.mail-text').innerText())![0];

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Newsletter-Anmeldung bestätigen' }).waitFor();
    await page.getByText('Danke! Ihre Anmeldung zum Newsletter ist bestätigt.').waitFor();
    await page.close();
  });

  it('shows the platform team the reports with charts, tables and CSV links', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    await signIn(page, baseUrl, 'admin@demo.landraeume.example');
    await page.getByRole('link', { name: 'Berichte' }).click();
    await page.getByRole('heading', { name: 'Nachfrage je Ort' }).waitFor();
    await page.getByRole('img', { name: 'Nicht versorgte Auto-Pendelkilometer pro Woche, je Ortsteil' }).waitFor();
    expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('table').count()).toBe(3);
    const csvHref = await page.getByRole('link', { name: 'Als CSV herunterladen' }).first().getAttribute('href');
    const csv = await page.request.get(`${baseUrl}${csvHref}`);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^municipality,responses/);
    await page.screenshot({ path: `${SCREENSHOTS}/reports.png`, fullPage: true });
    await page.close();
  });

  it('lets the platform team add a question without a code change, which respondents then see', async () => {
    const page = await browser().newPage({ locale: 'de-DE' });
    await signIn(page, baseUrl, 'admin@demo.landraeume.example');
    await page.goto(`${baseUrl}/admin/umfrage`);
    const form = page.getByRole('form', { name: 'Frage hinzufügen' });
    await form.getByLabel('Schlüssel').fill('e2e_charging');
    await form.getByLabel('Typ').selectOption('multiple_choice');
    await form.getByLabel('Frage (deutsch)').fill('Wo laden Sie Ihr E-Auto?');
    await form.getByLabel('Frage (englisch)').fill('Where do you charge your electric car?');
    await form.getByLabel('Antwortmöglichkeiten').fill('home | Zu Hause | At home\nwork | Beim Arbeitgeber | At work');
    await form.getByRole('button', { name: 'Frage hinzufügen' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();
    await page.getByRole('form', { name: 'e2e_charging' }).waitFor();

    const respondent = await browser().newPage({ locale: 'de-DE', viewport: PHONE });
    await respondent.goto(`${baseUrl}/umfrage`);
    await respondent.getByRole('group', { name: 'Wo laden Sie Ihr E-Auto?' }).waitFor();
    expect(await respondent.getByRole('checkbox', { name: 'Beim Arbeitgeber' }).count()).toBe(1);
    await respondent.close();
    await page.close();
  });
});
