import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { moderatorApi } from './steps.js';
import { browserSuite, SHOTS } from './suite.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/pretix/orders-positions.csv');
const PHONE = { width: 390, height: 844 };

/** Import of registered attendees, badges and table cards, and a badge's QR code claimed on a phone. */
describe.skipIf(!hasChromium)('before the day: import, badges, claim', () => {
  const suite = browserSuite('axe-before-the-day.json');
  const { axe } = suite;

  it('imports a pretix export with the mapping shown, prints badges, and seats a person who claims their badge', async () => {
    const { server, browser } = suite;
    const api = moderatorApi(server);
    const event = await api.create({ title: 'Netzwerkfrühstück', tables: { count: 3, seats: 4 } });
    await api.join(event, {
      name: 'Walk Früh',
      organisation: 'Ort A',
      role: 'politik',
      stage: 0,
      interests: [],
    });
    await api.join(event, {
      name: 'Xaver Zeitig',
      organisation: 'Ort B',
      role: 'community',
      stage: 2,
      interests: [],
    });
    const secret = event.links.moderator.split('#')[1]!;

    // — The moderator reads the file: mapping suggested, the unknown role mapped by hand, imported. —
    const desk = await browser.newPage({ width: 1280, height: 900 });
    await desk.goto(`${server.url}/m/${event.code}/import#${secret}`);
    await desk.locator('#import-file').setInputFiles(FIXTURE);
    await desk.getByTestId('import-preview').waitFor();
    expect(await desk.locator('#map-name option:checked').textContent()).toBe('Attendee name');
    expect(await desk.locator('#map-ticket2 option:checked').textContent()).toBe('Position ID');
    expect(await desk.getByTestId('unknown-values').textContent()).toContain('Sternenflotte');
    await desk.getByLabel('Rolle: „Sternenflotte“').selectOption('andere');
    await desk.getByRole('button', { name: '4 Personen einlesen' }).waitFor();
    axe.push(await axeCheck(desk, 'import preview'));
    await suite.shot(desk, 'import-preview', true);
    await desk.getByRole('button', { name: '4 Personen einlesen' }).click();
    await desk.getByText('Eingelesen: 4 neu, 0 aktualisiert.').waitFor();
    await desk.getByRole('heading', { name: 'Erwartet: 4 · bestätigt: 0' }).waitFor();
    expect((await api.state<{ participants: unknown[] }>(event)).participants).toHaveLength(2);

    // — Badges and table cards, printed to PDF by Chromium. —
    const print = await browser.newPage({ width: 1000, height: 1200 });
    await print.goto(`${server.url}/m/${event.code}/badges#${secret}`);
    await print.getByTestId('badge').first().waitFor();
    expect(await print.getByTestId('badge').count()).toBe(4);
    expect(await print.getByTestId('table-card').count()).toBe(3);
    expect(await print.locator('.badge-first').allTextContents()).toContain('Anna');
    axe.push(await axeCheck(print, 'badges'));
    await suite.shot(print, 'badges-screen', true);
    const pdf = await print.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SHOTS, 'badges.pdf'), pdf);
    // One badge sheet (10 per A4) and two sheets of table cards (2 per A4).
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(3);
    await print.selectOption('#badge-size', 'a6');
    await print.selectOption('#print-what', 'badges');
    writeFileSync(join(SHOTS, 'badges-a6.pdf'), await print.pdf({ preferCSSPageSize: true }));

    // The badge's QR code holds the personal link and nothing else.
    const links = await server.handle.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/registrations/links.csv`,
      headers: { authorization: `Bearer ${secret}` },
    });
    const annaLink = links.body
      .split('\r\n')
      .find((l) => l.startsWith('Q7XKD-1,'))!
      .split(',')
      .at(-1)!;
    const printables = await server.handle.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/badges`,
      headers: { authorization: `Bearer ${secret}` },
    });
    const annaBadge = printables.json().badges.find((b: { firstName: string }) => b.firstName === 'Anna');
    expect(annaBadge.qrSvg).toBe(
      await QRCode.toString(annaLink, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
    );

    // — Anna scans her badge: her profile is prefilled; she accepts the notice and is seated. —
    const phone: Page = await browser.newPage(PHONE);
    await phone.goto(annaLink);
    await phone.locator('#displayName').waitFor();
    expect(await phone.inputValue('#displayName')).toBe('Anna Beispiel');
    expect(await phone.inputValue('#organisation')).toBe('Stadt Musterhausen');
    expect(await phone.inputValue('#role')).toBe('verwaltung');
    expect(await phone.isChecked('input[name="stage"][value="1"]')).toBe(true);
    expect(await phone.isChecked('input[name="interests"][value="souveraenitaet"]')).toBe(true);
    expect(await phone.inputValue('#contact')).toBe('anna@example.org');
    axe.push(await axeCheck(phone, 'claim form'));
    await suite.shot(phone, 'claim-form', true);
    await phone.click('button[type="submit"]');
    await phone.getByText('Bitte den Datenschutzhinweis bestätigen.').waitFor();
    expect((await api.state<{ participants: unknown[] }>(event)).participants).toHaveLength(2);
    await phone.check('input[name="privacyAccepted"]');
    await phone.click('button[type="submit"]');
    await phone.getByTestId('waiting').waitFor();
    expect(new URL(phone.url()).pathname).toBe(`/j/${event.code}`);

    await api.startRound(event);
    await phone.getByTestId('my-table').waitFor();
    const state = await api.state<{ participants: { displayName: string }[] }>(event);
    expect(state.participants.map((p) => p.displayName)).toContain('Anna Beispiel');
    await suite.shot(phone, 'claimed-seated');

    // The same badge scanned again on another phone: already claimed, no second person.
    const other = await browser.newPage(PHONE);
    await other.goto(annaLink);
    await other.getByText('Dieses Profil wurde schon bestätigt.', { exact: false }).waitFor();
    expect((await api.state<{ participants: unknown[] }>(event)).participants).toHaveLength(3);

    // — The texts: Leichte Sprache linked from the join page; privacy and accessibility without configuration. —
    const guest = await browser.newPage(PHONE);
    await guest.goto(`${server.url}/j/${event.code}`);
    // The link opens a tab of its own, so what the guest typed into the form stays there.
    await guest.locator('input[name="displayName"]').fill('Gast');
    const [texts] = await Promise.all([
      guest.waitForEvent('popup'),
      guest.getByRole('link', { name: 'Leichte Sprache' }).click(),
    ]);
    expect(await guest.locator('input[name="displayName"]').inputValue()).toBe('Gast');
    await texts.getByRole('heading', { name: 'Tisch-Wechsel in Leichter Sprache' }).waitFor();
    axe.push(await axeCheck(texts, 'Leichte Sprache'));
    await suite.shot(texts, 'easy-read', true);
    await texts.getByRole('link', { name: 'Datenschutz' }).click();
    await texts.getByTestId('dpo').waitFor();
    expect(await texts.getByTestId('dpo').textContent()).toContain('noch nicht eingetragen');
    axe.push(await axeCheck(texts, 'privacy (not configured)'));
    await suite.shot(texts, 'privacy-unset', true);
    await texts.getByRole('link', { name: 'Zurück zur Veranstaltung' }).click();
    await texts.waitForURL(`${server.url}/j/${event.code}`);
    await texts.goto(`${server.url}/accessibility`);
    await texts.getByTestId('enforcement-body').waitFor();
    expect(await texts.getByTestId('enforcement-body').textContent()).toContain('noch nicht eingetragen');
    expect(await texts.getByRole('link', { name: 'Zur Startseite' }).getAttribute('href')).toBe('/');
    axe.push(await axeCheck(texts, 'accessibility (not configured)'));

    for (const summary of axe) expect(blocking(summary), summary.page).toEqual([]);
    expect(suite.browser.watch.pageErrors).toEqual([]);
    expect(suite.browser.watch.foreignRequests).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the published texts, filled from the configuration', () => {
  const suite = browserSuite('axe-legal.json', {
    OPERATOR_NAME: 'Bezirksamt Beispiel',
    OPERATOR_ADDRESS: 'Musterstraße 1|10115 Berlin',
    OPERATOR_CONTACT: 'digital@example.org',
    DPO_CONTACT: 'datenschutz@example.org',
    ENFORCEMENT_BODY_NAME: 'Landesbeauftragte für digitale Barrierefreiheit',
    ENFORCEMENT_BODY_URL: 'https://example.org/barrierefreiheit',
  });

  it('names controller, data-protection officer, feedback contact and enforcement body, in both languages', async () => {
    const page = await suite.browser.newPage(PHONE);
    await page.goto(`${suite.server.url}/privacy`);
    // The blocks stand there, "not filled in", until the site details arrive: wait for the details.
    await page.getByTestId('operator').getByText('Bezirksamt Beispiel').waitFor();
    expect(await page.getByTestId('operator').textContent()).toContain('Bezirksamt Beispiel');
    expect(await page.getByTestId('operator').textContent()).toContain('10115 Berlin');
    expect(await page.getByRole('link', { name: 'datenschutz@example.org' }).getAttribute('href')).toBe(
      'mailto:datenschutz@example.org',
    );
    suite.axe.push(await axeCheck(page, 'privacy (configured)'));
    await suite.shot(page, 'privacy-configured', true);

    await page.goto(`${suite.server.url}/accessibility`);
    await page.getByTestId('enforcement-body').getByRole('link').waitFor();
    expect(await page.textContent('.lead')).toContain('Bezirksamt Beispiel ist bemüht');
    expect(
      await page
        .getByRole('link', { name: 'Landesbeauftragte für digitale Barrierefreiheit' })
        .getAttribute('href'),
    ).toBe('https://example.org/barrierefreiheit');
    expect(await page.getByTestId('feedback-contact').textContent()).toBe('digital@example.org');
    suite.axe.push(await axeCheck(page, 'accessibility (configured)'));
    await suite.shot(page, 'accessibility-configured', true);

    await page.click('[data-testid="lang-switch"]');
    await page.getByRole('heading', { name: 'Accessibility statement' }).waitFor();
    expect(await page.textContent('.lead')).toContain('Bezirksamt Beispiel strives');
    suite.axe.push(await axeCheck(page, 'accessibility (English)'));

    for (const summary of suite.axe) expect(blocking(summary), summary.page).toEqual([]);
    expect(suite.browser.watch.foreignRequests).toEqual([]);
    expect(readFileSync(join(SHOTS, 'accessibility-configured.png')).length).toBeGreaterThan(0);
  });
});
