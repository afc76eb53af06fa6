import { describe, expect, it } from 'vitest';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { horizontalOverflow, inViewport, narrowText } from './layout-checks.js';
import type { Person } from './profiles.js';
import { moderatorApi } from './steps.js';
import { browserSuite } from './suite.js';

// evaluate runs this in the browser; the root project has no DOM types.
declare function getComputedStyle(element: unknown): { breakAfter: string };
declare const localStorage: { setItem(key: string, value: string): void };
declare const location: { protocol: string };

const person = (name: string, organisation: string): Person => ({
  name,
  organisation,
  role: 'verwaltung',
  stage: 2,
  interests: ['governance'],
});
const TARGET = 'Zofia Papadopoulos-Wieczorek';
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };

type State = {
  round: { endsAt: number } | null;
  roundsPlayed: number;
  tables: { id: number; label: string; seats: number }[];
  participants: { id: string; displayName: string; tableId: number | null }[];
};

/** The console as an organiser runs it on foot (phone) or from a stand (tablet), in a live round. */
describe.skipIf(!hasChromium)('the moderator console on a phone and a tablet', () => {
  const suite = browserSuite('axe-console-devices.json');

  const cases = [
    { device: 'phone', viewport: PHONE, people: 40 },
    { device: 'tablet', viewport: TABLET, people: 40 },
    { device: 'phone', viewport: PHONE, people: 300 },
    { device: 'tablet', viewport: TABLET, people: 300 },
  ];

  for (const { device, viewport, people } of cases) {
    it(`${device} ${viewport.width}×${viewport.height}, ${people} people: find one by search, move them, extend, end with confirmation`, async () => {
      const { server, browser, axe, shot } = suite;
      const api = moderatorApi(server);
      const event = await api.create({
        title: 'Netzwerkfrühstück Open Source in der Verwaltung',
        tables: { count: Math.ceil(people / 6) + 2, seats: 6 },
        // Spread over every table set up: tables in use keep free seats, so a move needs no swap.
        matching: { tableUse: 'spread' },
      });
      await api.join(event, person(TARGET, 'Landeshauptstadt München'));
      await api.join(event, person('Nora Becker', 'Bezirksamt Mitte'));
      await api.join(event, person('Nora Becker', 'Bezirksamt Mitte'));
      await api.rehearsal(event, people - 3);
      await api.startRound(event);
      const name = `${device}-${people}`;

      const page = await browser.newPage(viewport);
      await page.goto(event.links.moderator);
      await page.getByRole('heading', { name: `Teilnehmende (${people})` }).waitFor();
      expect(await page.getByText('Name doppelt').count()).toBe(2);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await narrowText(page)).toEqual([]);
      await shot(page, `console-${name}-list`);

      // Found by typing part of the name, without scrolling: the list answers at once.
      const started = Date.now();
      await page.fill('#people-search', 'papadop');
      await page.getByTestId('people-count').getByText(`1 von ${people} angezeigt`).waitFor();
      const findMs = Date.now() - started;
      console.log(`[console ${name}] search to one of ${people} people: ${findMs} ms`);
      const rows = page.getByTestId('person');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().locator('.person-name').textContent()).toBe(TARGET);

      // Moved to a table in use with a free seat (an empty one would seat the person alone), from the row's own sheet.
      const before = await api.state<State>(event);
      const me = before.participants.find((p) => p.displayName === TARGET)!;
      const fill = (id: number) => before.participants.filter((p) => p.tableId === id).length;
      const target = before.tables.find(
        (tb) => tb.id !== me.tableId && fill(tb.id) > 0 && fill(tb.id) < tb.seats,
      )!;
      await page.getByRole('button', { name: `Ändern ${TARGET}` }).click();
      await page.selectOption(`select[aria-label="Tisch von ${TARGET}"]`, String(target.id));
      await rows.first().getByTestId('person-table').getByText(`Tisch ${target.label}`).waitFor();
      const moved = await api.state<State>(event);
      expect(moved.participants.find((p) => p.id === me.id)!.tableId).toBe(target.id);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await narrowText(page)).toEqual([]);
      axe.push(await axeCheck(page, `console ${name}: person sheet open`));
      await page.locator('.person-sheet').scrollIntoViewIfNeeded();
      await shot(page, `console-${name}-sheet`);

      // Far down the page the round controls are still on screen; extend from there.
      await page.fill('#people-search', '');
      await page.getByTestId('people-count').getByText(`${people} von ${people} angezeigt`).waitFor();
      await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
      await page.waitForFunction('window.scrollY > 0');
      expect(await inViewport(page, '[data-testid="round-bar"]')).toBe(true);
      await shot(page, `console-${name}-scrolled`);
      // The who-met-whom matrix as a table fits too (it scrolls inside its own box).
      await page.getByText('Als Tabelle anzeigen').click();
      await page.locator('.matrix-table').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await narrowText(page)).toEqual([]);
      await page.getByRole('button', { name: '+5 Min.' }).click();
      await expect
        .poll(async () => (await api.state<State>(event)).round!.endsAt)
        .toBe(before.round!.endsAt + 5 * 60_000);

      // Ending asks first; the first click alone changes nothing.
      await page.click('[data-testid="end-round"]');
      await page.getByTestId('confirm-end-round').waitFor();
      expect((await api.state<State>(event)).round).not.toBeNull();
      expect(await inViewport(page, '[data-testid="confirm-end-round"]')).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await narrowText(page)).toEqual([]);
      axe.push(await axeCheck(page, `console ${name}: end round confirmation`));
      await shot(page, `console-${name}-end-confirm`);
      await page.click('[data-testid="confirm-end-round"]');
      await page.getByTestId('round-status').getByText('1 von 4 Runden gespielt.').waitFor();
      expect((await api.state<State>(event)).round).toBeNull();

      expect(browser.watch.pageErrors).toEqual([]);
      expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
      await page.context().close();
    }, 240_000);
  }

  it('tablet: adds ten tables at once and prints a card per table', async () => {
    const { server, browser, axe, shot } = suite;
    const api = moderatorApi(server);
    const event = await api.create({ title: 'Tischkarten', tables: { count: 2, seats: 6 } });
    const page = await browser.newPage(TABLET);
    await page.goto(event.links.moderator);
    await page.getByRole('button', { name: 'Tische bearbeiten' }).click();
    await page.fill('#edit-table-add-count', '10');
    await page.getByRole('button', { name: '10 Tische hinzufügen' }).click();
    expect(await page.inputValue('#edit-table-11-label')).toBe('12');
    expect(await page.inputValue('#edit-table-11-seats')).toBe('6');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Tische speichern' }).click();
    await page.getByRole('heading', { name: 'Tische (12)' }).waitFor();
    const stored = await api.state<State>(event);
    expect(stored.tables.map((tb) => tb.label)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));

    const [cards] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Tischkarten drucken' }).click(),
    ]);
    await cards.getByTestId('table-card-label').first().waitFor();
    expect(await cards.getByTestId('table-card-label').allTextContents()).toEqual(
      stored.tables.map((tb) => tb.label),
    );
    await cards.emulateMedia({ media: 'print' });
    expect(
      await cards
        .locator('.table-card')
        .first()
        .evaluate((el) => getComputedStyle(el).breakAfter),
    ).toBe('page');
    await cards.emulateMedia({ media: 'screen' });
    axe.push(await axeCheck(cards, 'table cards'));
    await shot(cards, 'console-table-cards');
    expect(browser.watch.pageErrors).toEqual([]);
    expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('phone: the matching emphasis is chosen in words on the start page; the numbers are the advanced choice', async () => {
    const { server, browser, axe, shot } = suite;
    const page = await browser.newPage(PHONE);
    await page.goto(`${server.url}/new`);
    await page.fill('#event-title', 'Rollen mischen');
    await page.getByText('Optionen für die Einteilung').click();
    expect(await page.getByLabel('Ausgewogen (empfohlen)').isChecked()).toBe(true);
    expect(await page.locator('#weight-roleMix').count()).toBe(0);
    await page.getByLabel('Eigene Gewichte (für Fortgeschrittene)').check();
    await page.locator('#weight-roleMix').waitFor();
    await page.getByLabel('Rollen stark mischen').check();
    expect(await page.locator('#weight-roleMix').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await narrowText(page)).toEqual([]);
    axe.push(await axeCheck(page, 'start page: matching presets'));
    await page.locator('.presets').scrollIntoViewIfNeeded();
    await shot(page, 'start-matching-presets');
    await page.click('button[type="submit"]');
    const link = await page.getByTestId('open-console').getAttribute('href');
    const code = new URL(link!, server.url).pathname.split('/')[2]!;
    const secret = new URL(link!, server.url).hash.slice(1);
    const state = await server.handle.app.inject({
      method: 'GET',
      url: `/api/events/${code}/state`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(state.json().event.matching.weights).toEqual({ roleMix: 300, stageMix: 100 });
    expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('phone: removes a duplicate, confirms an extra round, nudges to finish, removes the rehearsal people', async () => {
    const { server, browser, axe, shot } = suite;
    const api = moderatorApi(server);
    const event = await api.create({ title: 'Probelauf', tables: { count: 3, seats: 6 }, plannedRounds: 1 });
    const kept = (await api.join(event, person('Nora Becker', 'Bezirksamt Mitte'))) as { token: string };
    // The same person again from another browser, with the organisation typed differently.
    const ghost = (await api.join(event, person('Nora Becker', 'BA Mitte'))) as { token: string };
    await api.rehearsal(event, 8);
    const phoneOf = async (token: string) => {
      const context = await browser.newContext(PHONE);
      await context.addInitScript(
        // Also runs on about:blank, which has no storage.
        ([key, value]) => {
          if (location.protocol === 'http:') localStorage.setItem(key!, value!);
        },
        [`tw.token.${event.code}`, token],
      );
      const phone = await context.newPage();
      await phone.goto(event.links.join);
      return phone;
    };
    const keptPhone = await phoneOf(kept.token);
    const ghostPhone = await phoneOf(ghost.token);
    await api.startRound(event);
    await api.endRound(event);

    const page = await browser.newPage(PHONE);
    await page.goto(event.links.moderator);
    await page.getByRole('heading', { name: 'Teilnehmende (10)' }).waitFor();

    // Between rounds the table editor fits the phone too.
    await page.getByRole('button', { name: 'Tische bearbeiten' }).click();
    await page.locator('#edit-table-0-label').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await narrowText(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abbrechen' }).click();

    // The ghost of a person who rejoined from another browser: removed after a confirmation.
    await page.fill('#people-search', 'nora');
    await page.getByTestId('people-count').getByText('2 von 10 angezeigt').waitFor();
    await page
      .getByTestId('person')
      .filter({ hasText: 'BA Mitte' })
      .getByRole('button', { name: 'Ändern Nora Becker' })
      .click();
    await page.getByRole('button', { name: 'Person entfernen …' }).click();
    axe.push(await axeCheck(page, 'console phone: remove a person'));
    await shot(page, 'console-phone-remove-confirm');
    await page.click('[data-testid="confirm-remove-person"]');
    await page.getByRole('heading', { name: 'Teilnehmende (9)' }).waitFor();
    await page.getByText('Nora Becker wurde entfernt.').waitFor();
    // The ghost's phone is back at the join form; the kept one is still in.
    await ghostPhone.locator('#displayName').waitFor();
    expect(await page.getByText('Name doppelt').count()).toBe(0);
    await page.fill('#people-search', '');

    // The one planned round is played: the console asks before an extra one, and the screen says so.
    await page.getByTestId('finish-nudge').waitFor();
    await page.click('[data-testid="start-round"]');
    await page.getByTestId('confirm-extra-round').waitFor();
    expect((await api.state<State>(event)).roundsPlayed).toBe(1);
    await shot(page, 'console-phone-extra-confirm');
    await page.click('[data-testid="confirm-extra-round"]');
    await page.getByTestId('round-status').getByText('Extrarunde (Runde 2) läuft.').waitFor();
    const nora = (await api.state<State>(event)).participants.find((p) => p.displayName === 'Nora Becker')!;
    expect(nora.tableId).not.toBeNull();
    await keptPhone.getByText('Extrarunde (Runde 2)').waitFor();
    await shot(keptPhone, 'phone-extra-round');
    const screen = await browser.newPage({ width: 1280, height: 720 });
    await screen.goto(event.links.screen);
    await screen.getByText('Extrarunde (Runde 2)').waitFor();
    await screen.context().close();

    await page.click('[data-testid="end-round"]');
    await page.click('[data-testid="confirm-end-round"]');
    await page.getByTestId('finish-nudge').waitFor();
    await shot(page, 'console-phone-finish-nudge');
    axe.push(await axeCheck(page, 'console phone: finish nudge'));
    await page.getByTestId('finish-nudge').getByRole('button', { name: 'Veranstaltung beenden' }).click();
    await page.click('[data-testid="confirm-finish-nudge"]');
    await page.getByTestId('round-status').getByText('Die Veranstaltung ist beendet.').waitFor();

    await page.getByRole('button', { name: 'Alle Probe-Personen entfernen …' }).click();
    await page.click('[data-testid="confirm-remove-rehearsal"]');
    await page.getByRole('heading', { name: 'Teilnehmende (1)' }).waitFor();
    await page.getByText('8 Probe-Personen wurden entfernt.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await narrowText(page)).toEqual([]);

    expect(browser.watch.pageErrors).toEqual([]);
    expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
  }, 240_000);
});
