import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { until } from '../helpers/until.js';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { PEOPLE } from './profiles.js';
import { type ApiEvent, joinViaForm, moderatorApi } from './steps.js';
import { browserSuite } from './suite.js';

// page.evaluate runs these in the browser; the root project has no DOM types.
declare const document: { activeElement: { getAttribute(name: string): string | null } | null };
declare const localStorage: { getItem(key: string): string | null };

const PHONE = { width: 390, height: 844 };

interface Me {
  me: { displayName: string; organisation: string | null; interests: string[]; contact: string | null };
}

/** GET /api/me as the page itself would ask it: with the token this phone keeps in localStorage. */
const meOf = (page: Page, code: string) =>
  page.evaluate(async (c) => {
    const token = localStorage.getItem(`tw.token.${c}`);
    const response = await fetch('/api/me', { headers: { authorization: `Bearer ${token}` } });
    return response.json();
  }, code) as Promise<Me>;

/** The participant's phone after joining: edit my details, and a server restart in the middle of a round. */
describe.skipIf(!hasChromium)('the phone after joining', () => {
  const suite = browserSuite('axe-phone.json');
  const { axe, shot } = suite;

  it('edits own details: errors next to the fields, saved, shown to the moderator, there after a reload', async () => {
    const { server, browser } = suite;
    const api = moderatorApi(server);
    const event = await api.create({ title: 'Angaben ändern', tables: { count: 2, seats: 4 } });
    const anna = PEOPLE[0]!;
    const phone = await browser.newPage(PHONE);
    await phone.goto(event.links.join);
    await phone.waitForSelector('#displayName');
    await joinViaForm(phone, anna);

    await phone.getByRole('button', { name: 'Meine Angaben ändern' }).click();
    await phone.getByRole('heading', { name: 'Meine Angaben' }).waitFor();
    expect(await phone.inputValue('#displayName')).toBe(anna.name);
    expect(await phone.inputValue('#organisation')).toBe(anna.organisation);
    expect(await phone.isChecked('input[name="interests"][value="beschaffung"]')).toBe(true);
    expect(await phone.isChecked('input[name="shareContact"]')).toBe(true);

    // The page's own check, then the server's (a contact that is neither e-mail nor URL).
    await phone.fill('#displayName', '');
    await phone.getByRole('button', { name: 'Speichern' }).click();
    await phone.waitForSelector('#error-displayName');
    expect(await phone.getAttribute('#displayName', 'aria-invalid')).toBe('true');
    await phone.waitForFunction(() => document.activeElement?.getAttribute('id') === 'displayName');
    await phone.fill('#displayName', anna.name);
    await phone.fill('#contact', 'not a contact');
    await phone.getByRole('button', { name: 'Speichern' }).click();
    await phone.waitForSelector('#error-contact');
    expect(await phone.textContent('#error-contact')).toContain('E-Mail-Adresse');
    expect(await phone.getAttribute('#contact', 'aria-describedby')).toBe('error-contact');
    expect(await phone.locator('#error-displayName').count()).toBe(0);
    axe.push(await axeCheck(phone, 'phone: edit my details (server error)'));
    await shot(phone, 'phone-edit-errors', true);

    await phone.fill('#contact', 'anna.neu@example.org');
    await phone.fill('#organisation', 'Stadt Berlin');
    await phone.uncheck('input[name="interests"][value="beschaffung"]');
    await phone.check('input[name="interests"][value="lizenzen"]');
    await phone.check('input[name="interests"][value="sicherheit"]');
    await phone.getByRole('button', { name: 'Speichern' }).click();
    await phone.getByTestId('profile-saved').waitFor();
    await phone.getByTestId('waiting').waitFor();
    // Focus goes back to the button that opened the form.
    await phone.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'edit-profile-button',
    );
    axe.push(await axeCheck(phone, 'phone: details saved'));

    const saved = await meOf(phone, event.code);
    expect(saved.me.organisation).toBe('Stadt Berlin');
    expect(saved.me.interests).toEqual(['governance', 'lizenzen', 'sicherheit']);
    expect(saved.me.contact).toBe('anna.neu@example.org');

    const console_ = await browser.newPage({ width: 1440, height: 900 });
    await console_.goto(event.links.moderator);
    await console_.getByText('Stadt Berlin').waitFor();

    // After a reload the form opens with what the server has now; in English the same action.
    await phone.reload();
    await phone.getByRole('button', { name: 'Meine Angaben ändern' }).click();
    expect(await phone.inputValue('#organisation')).toBe('Stadt Berlin');
    expect(await phone.isChecked('input[name="interests"][value="lizenzen"]')).toBe(true);
    expect(await phone.isChecked('input[name="interests"][value="beschaffung"]')).toBe(false);
    await phone.click('[data-testid="lang-switch"]');
    await phone.getByRole('heading', { name: 'My details' }).waitFor();
    await phone.getByRole('button', { name: 'Cancel' }).click();
    await phone.getByRole('button', { name: 'Edit my details' }).waitFor();
    expect(await phone.locator('[data-testid="profile-saved"]').count()).toBe(0);

    expect(browser.watch.foreignRequests).toEqual([]);
    expect(browser.watch.pageErrors).toEqual([]);
    expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
  });

  it('finds someone by name and says "we already know each other" before sharing a table', async () => {
    const { server, browser } = suite;
    const api = moderatorApi(server);
    const event: ApiEvent = await api.create({ title: 'Kennen uns', tables: { count: 2, seats: 4 } });
    for (const person of PEOPLE.slice(0, 3)) await api.join(event, person);
    const phone = await browser.newPage(PHONE);
    await phone.goto(event.links.join);
    await phone.waitForSelector('#displayName');
    await joinViaForm(phone, PEOPLE[3]!);
    await phone.getByTestId('waiting').waitFor();

    await phone.getByText('Kennst du hier schon jemanden?').click();
    await phone.getByLabel('Name (mindestens 2 Buchstaben)').fill('amse');
    const found = phone.getByTestId('known-found');
    await found.getByText('Anna Amsel').waitFor();
    expect(await found.locator('li').count()).toBe(1);
    const toggle = found.getByTestId('known-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await until(async () => (await toggle.getAttribute('aria-pressed')) === 'true', 'the toggle shows it');
    axe.push(await axeCheck(phone, 'phone: already know someone'));
    await shot(phone, 'phone-known-people', true);

    const mine = (await phone.evaluate(async (c) => {
      const token = localStorage.getItem(`tw.token.${c}`);
      const response = await fetch('/api/me/known', { headers: { authorization: `Bearer ${token}` } });
      return response.json();
    }, event.code)) as { people: { name: string }[] };
    expect(mine.people.map((p) => p.name)).toEqual(['Anna Amsel']);
    // Opened again after a reload, the page lists whom I said I know.
    await phone.reload();
    await phone.getByText('Kennst du hier schon jemanden?').click();
    await phone.getByTestId('known-mine').getByText('Anna Amsel').waitFor();

    expect(browser.watch.foreignRequests).toEqual([]);
    expect(browser.watch.pageErrors).toEqual([]);
    expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
  });

  it('keeps the table through a server restart, shows "reconnecting" meanwhile and comes back by itself', async () => {
    const { server, browser } = suite;
    const api = moderatorApi(server);
    const event: ApiEvent = await api.create({ title: 'Neustart', tables: { count: 2, seats: 4 } });
    // One phone in the browser; its table mates join through the API.
    for (const person of PEOPLE.slice(2, 4)) await api.join(event, person);
    const phone = await browser.newPage(PHONE);
    await phone.goto(event.links.join);
    await phone.waitForSelector('#displayName');
    await joinViaForm(phone, PEOPLE[1]!);
    await api.startRound(event);
    const table = phone.getByTestId('my-table');
    await table.waitFor();
    const label = await table.textContent();
    const mates = await phone.locator('.mate-name').allTextContents();
    expect(mates.length).toBeGreaterThan(0);

    let attempts = 0;
    phone.on('websocket', () => {
      attempts += 1;
    });
    let refused = 0;
    await server.restart(async () => {
      const since = attempts;
      await phone.getByTestId('reconnecting').waitFor();
      expect(await phone.getByTestId('reconnecting').textContent()).toBe(
        'Verbindung wird wiederhergestellt …',
      );
      expect(await table.textContent()).toBe(label);
      expect(await phone.locator('.mate-name').allTextContents()).toEqual(mates);
      axe.push(await axeCheck(phone, 'phone: reconnecting'));
      await shot(phone, 'phone-reconnecting', true);
      // A few refused attempts, so the backoff has grown before the server is back.
      await until(() => attempts - since >= 3, 'three refused reconnect attempts');
      await expect(phone.getByTestId('reconnecting').isVisible()).resolves.toBe(true);
      refused = attempts - since;
    });
    expect(refused).toBeGreaterThanOrEqual(3);

    const back = Date.now();
    await phone.getByTestId('reconnecting').waitFor({ state: 'detached' });
    const reconnectMs = Date.now() - back;
    expect(await table.textContent()).toBe(label);
    expect(await phone.locator('.mate-name').allTextContents()).toEqual(mates);
    await shot(phone, 'phone-reconnected', true);
    // The socket is really back: the next change arrives.
    await api.endRound(event);
    await phone.getByTestId('waiting').waitFor();
    console.log(`reconnected ${reconnectMs} ms after the server listened again`);

    expect(browser.watch.foreignRequests).toEqual([]);
    expect(browser.watch.pageErrors).toEqual([]);
    expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
  });
});
