import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { PEOPLE } from './profiles.js';
import { type ApiEvent, joinViaForm, moderatorApi } from './steps.js';
import { browserSuite } from './suite.js';

const PHONE = { width: 390, height: 844 };

/** What the phone tells its person when something happened elsewhere: the moderator, the network. */
describe.skipIf(!hasChromium)('the phone when things change around it', () => {
  const suite = browserSuite('axe-phone-states.json');

  const moderator = (event: ApiEvent, method: 'PATCH' | 'DELETE', url: string, payload?: object) =>
    suite.server.handle.app
      .inject({
        method,
        url,
        headers: { authorization: `Bearer ${event.moderator}` },
        ...(payload ? { payload } : {}),
      })
      .then((response) => {
        expect(response.statusCode, response.body).toBeLessThan(300);
        return response;
      });
  const checkAxe = async (page: Page, label: string) => {
    const summary = await axeCheck(page, label);
    suite.axe.push(summary);
    expect(blocking(summary)).toEqual([]);
  };
  const idOf = async (event: ApiEvent, name: string) => {
    const state = await moderatorApi(suite.server).state<{
      participants: { id: string; displayName: string }[];
    }>(event);
    return state.participants.find((p) => p.displayName === name)!.id;
  };

  it('reopens a paused join page by itself, and keeps what was typed through the privacy notice', async () => {
    const api = moderatorApi(suite.server);
    const event = await api.create({ title: 'Pause', tables: { count: 2, seats: 4 } });
    await moderator(event, 'PATCH', `/api/events/${event.code}`, { joinOpen: false });
    const phone = await suite.browser.newPage(PHONE);
    await phone.goto(event.links.join);
    await phone.getByText('Die Anmeldung ist gerade pausiert').waitFor();
    await moderator(event, 'PATCH', `/api/events/${event.code}`, { joinOpen: true });
    // No reload: the page follows the event.
    await phone.waitForSelector('#displayName', { timeout: 15_000 });

    await phone.fill('#displayName', 'Konstantin Oberhammer');
    await phone.getByTestId('privacy-details').locator('summary').click();
    await phone.getByTestId('retention-here').waitFor();
    expect(await phone.inputValue('#displayName')).toBe('Konstantin Oberhammer');
    await checkAxe(phone, 'phone: privacy notice opened in place');
    // The footer link leaves the page; coming back, the form still holds the name.
    await phone.getByRole('link', { name: 'Datenschutz' }).click();
    await phone.waitForURL(/\/privacy(\?event=[^&]+)?$/);
    await phone.goBack();
    await phone.waitForSelector('#displayName');
    expect(await phone.inputValue('#displayName')).toBe('Konstantin Oberhammer');
    await phone.context().close();
  }, 60_000);

  it('says the moderator marked the person absent, with the way back', async () => {
    const api = moderatorApi(suite.server);
    const event = await api.create({ title: 'Abwesend', tables: { count: 2, seats: 4 } });
    const phone = await suite.browser.newPage(PHONE);
    await phone.goto(event.links.join);
    await phone.waitForSelector('#displayName');
    await joinViaForm(phone, PEOPLE[0]!);
    const id = await idOf(event, PEOPLE[0]!.name);
    await moderator(event, 'PATCH', `/api/events/${event.code}/participants/${id}`, { presence: 'absent' });
    await phone.getByTestId('marked-absent').waitFor();
    const text = await phone.getByTestId('marked-absent').textContent();
    expect(text).toContain('Die Moderation hat dich als abwesend markiert');
    expect(text).not.toContain('abgemeldet');
    await checkAxe(phone, 'phone: marked absent');
    await suite.shot(phone, 'phone-marked-absent', true);
    await phone.getByRole('button', { name: 'Ich bin wieder da' }).click();
    await phone.getByTestId('waiting').waitFor();
    await phone.context().close();
  }, 60_000);

  it('shows a lost network within 15 s, keeps the table marked as possibly out of date, and recovers', async () => {
    const api = moderatorApi(suite.server);
    const event = await api.create({ title: 'Funkloch', tables: { count: 2, seats: 4 } });
    for (const person of PEOPLE.slice(2, 4)) await api.join(event, person);
    const phone = await suite.browser.newPage(PHONE);
    await phone.goto(event.links.join);
    await phone.waitForSelector('#displayName');
    await joinViaForm(phone, PEOPLE[1]!);
    await api.startRound(event);
    await phone.getByTestId('my-table').waitFor();
    const label = await phone.getByTestId('my-table').textContent();

    await phone.context().setOffline(true);
    const offlineAt = Date.now();
    await phone.getByTestId('reconnecting').waitFor({ timeout: 15_000 });
    console.log(`offline banner after ${Date.now() - offlineAt} ms`);
    await phone.getByTestId('possibly-outdated').waitFor();
    expect(await phone.getByTestId('my-table').textContent()).toBe(label);
    await suite.shot(phone, 'phone-offline', true);
    await checkAxe(phone, 'phone: offline, table possibly out of date');

    await phone.context().setOffline(false);
    await phone.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await phone.getByTestId('possibly-outdated').count()).toBe(0);
    await api.endRound(event);
    await phone.getByTestId('waiting').waitFor();
    await phone.context().close();
  }, 60_000);

  it('tells a phone its erased event is over, with nothing to fill in', async () => {
    const api = moderatorApi(suite.server);
    const event = await api.create({ title: 'Gelöscht', tables: { count: 2, seats: 4 } });
    const phone = await suite.browser.newPage(PHONE);
    await phone.goto(event.links.join);
    await phone.waitForSelector('#displayName');
    await joinViaForm(phone, PEOPLE[0]!);
    await moderator(event, 'DELETE', `/api/events/${event.code}`);
    // The page asks the server again (a moment of "loading") and then says the event was erased.
    await phone
      .getByTestId('join-unavailable')
      .getByText(/gelöscht/)
      .waitFor();
    expect(await phone.locator('input, select, textarea').count()).toBe(0);
    await checkAxe(phone, 'phone: event erased');
    await suite.shot(phone, 'phone-event-erased', true);
    expect(suite.browser.watch.pageErrors).toEqual([]);
    expect(suite.browser.watch.foreignRequests).toEqual([]);
    await phone.context().close();
  }, 60_000);
});
