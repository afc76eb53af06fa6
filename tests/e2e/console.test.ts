import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { endRoundInConsole, moderatorApi } from './steps.js';
import { browserSuite, SHOTS } from './suite.js';

// page.evaluate and waitForFunction run these in the browser; the root project has no DOM types.
declare const document: { activeElement: { getAttribute(name: string): string | null } | null };

/** The console's other tools: labelled tables with topic and host, English, walk-in, rehearsal, preview, extend, paging. */
describe.skipIf(!hasChromium)('the moderator console and a crowded screen', () => {
  const suite = browserSuite('axe-console.json');
  const { axe } = suite;

  it('creates tables with a topic and a host, runs a rehearsal of 60 and fits them on the screen', async () => {
    const { server, browser } = suite;
    const start: Page = await browser.newPage({ width: 1440, height: 900 });
    await start.goto(`${server.url}/new`);
    await start.click('[data-testid="lang-switch"]');
    await start.getByRole('heading', { name: 'New event' }).waitFor();
    await start.fill('#event-title', 'Rehearsal');
    await start.getByLabel('List with labels, topics and hosts').check();
    await start.getByRole('button', { name: 'Add a table' }).click();
    await start.getByRole('button', { name: 'Add a table' }).click();
    for (let i = 0; i < 4; i++) await start.fill(`#table-${i}-seats`, '20');
    await start.fill('#table-0-label', 'Governance corner');
    await start.selectOption('#table-0-topic', 'governance');
    await start
      .locator('.table-row')
      .first()
      .getByLabel(/host who stays/)
      .check();
    await start.fill('#table-0-host-name', 'Hanna Host');
    await start.click('button[type="submit"]');
    const screenLink = (await start.locator('[data-testid="screen-link"]').textContent())!;
    await start.click('[data-testid="open-console"]');
    const console_ = start;
    await console_.getByRole('heading', { name: 'Rounds', exact: true }).waitFor();
    expect(await console_.locator('.tables').textContent()).toContain('Governance corner');
    expect(await console_.locator('.tables tbody tr').first().getByTestId('table-host').textContent()).toBe(
      'Hanna Host',
    );

    // A walk-in typed in, then a rehearsal crowd.
    await console_.fill('#walkin-name', 'Walter Walk-in');
    await console_.getByRole('button', { name: 'Add', exact: true }).click();
    await console_.getByText('Walter Walk-in has been added.').waitFor();
    await console_.fill('#rehearsal-count', '60');
    await console_.getByRole('button', { name: 'Rehearsal: add' }).click();
    await console_.getByRole('heading', { name: 'Participants (62)' }).waitFor();

    await console_.getByRole('button', { name: 'Preview next round' }).click();
    await console_.getByRole('heading', { name: 'Preview of round 1' }).waitFor();
    expect(await console_.locator('.preview .metric').count()).toBe(7);
    axe.push(await axeCheck(console_, 'console (English, preview)'));

    const screen = await browser.newPage({ width: 1920, height: 1080 });
    await screen.goto(screenLink);
    await screen.locator('[data-testid="joined-count"]').getByText('62').waitFor();

    await console_.click('[data-testid="start-round"]');
    // 62 people fit one page at 1920×1080 (the screen pages only when even its smallest type cannot).
    await screen.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('[data-testid="seat-name"]').length === 62,
    );
    expect(await screen.locator('[data-testid="page-indicator"]').count()).toBe(0);
    // Every row lies inside the screen.
    const lowest = await screen.locator('.seating-row').last().boundingBox();
    expect(lowest!.y + lowest!.height).toBeLessThanOrEqual(1080);
    axe.push(await axeCheck(screen, 'screen round, 62 people'));
    await screen.screenshot({ path: join(SHOTS, 'screen-round-62.png') });

    await console_.getByRole('button', { name: '+5 min' }).click();
    await screen.waitForFunction(() => {
      const text = (
        globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
      ).document.querySelector('[data-testid="screen-countdown"]')?.textContent;
      return Number(/(\d+):\d\d/.exec(text ?? '')?.[1]) >= 14;
    });

    // Joining paused: a phone sees it at once.
    await console_.getByRole('button', { name: 'Pause joining' }).click();
    await console_.getByText('Joining is paused.').waitFor();
    const phone = await browser.newPage({ width: 390, height: 844 });
    await phone.goto(`${server.url}/j/${new URL(screenLink).pathname.split('/')[2]}`);
    await phone.getByText('Die Anmeldung ist gerade pausiert').waitFor();
    await screen.getByText('Runde 1 von 4').waitFor();
    await console_.screenshot({ path: join(SHOTS, 'moderator-round-english.png'), fullPage: true });

    expect(browser.watch.foreignRequests).toEqual([]);
    expect(browser.watch.pageErrors).toEqual([]);
    expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
  });

  it("issues a new screen link in a console that did not create the event, and shows this server's retention", async () => {
    const { server, browser } = suite;
    const created = (
      await server.handle.app.inject({
        method: 'POST',
        url: '/api/events',
        payload: { title: 'Zweiter Laptop', tables: { count: 2, seats: 4 } },
      })
    ).json();
    const laptop = await browser.newPage({ width: 1440, height: 900 });
    await laptop.goto(created.links.moderator);
    await laptop.getByRole('button', { name: 'Neuen Leinwand-Link erzeugen' }).click();
    const link = await laptop.getByTestId('screen-link').getAttribute('href');
    expect(link).toMatch(new RegExp(`/s/${created.code}#[A-Za-z0-9_-]{21,}$`));
    expect(link).not.toBe(created.links.screen);
    const projector = await browser.newPage({ width: 1920, height: 1080 });
    await projector.goto(link!);
    await projector.locator('img[src$="qr.svg"]').first().waitFor();

    const privacy = await browser.newPage({ width: 390, height: 844 });
    await privacy.goto(`${server.url}/privacy`);
    await privacy.getByTestId('retention-here').waitFor();
    expect(await privacy.getByTestId('retention-here').textContent()).toContain('7 Tage');
    expect(browser.watch.foreignRequests).toEqual([]);
    expect(browser.watch.pageErrors).toEqual([]);
  });

  it('edits the tables as a labelled list between rounds and says clearly why it cannot during a round or after one', async () => {
    const { server, browser } = suite;
    const api = moderatorApi(server);
    const event = await api.create({
      title: 'Tische als Liste',
      tables: [
        { label: 'A', seats: 4 },
        { label: 'B', seats: 4 },
      ],
    });
    const console_ = await browser.newPage({ width: 1440, height: 900 });
    await console_.goto(event.links.moderator);
    await console_.getByRole('heading', { name: 'Tische (2)' }).waitFor();

    await console_.getByRole('button', { name: 'Tische bearbeiten' }).click();
    await console_.waitForFunction(
      () => document.activeElement?.getAttribute('id') === 'tables-edit-heading',
    );
    expect(await console_.inputValue('#edit-table-1-label')).toBe('B');
    await console_.fill('#edit-table-0-label', 'Fenster');
    await console_.fill('#edit-table-0-seats', '5');
    await console_.selectOption('#edit-table-1-topic', 'lizenzen');
    await console_.getByRole('button', { name: 'Tisch hinzufügen' }).click();
    expect(await console_.inputValue('#edit-table-2-seats')).toBe('4');
    // No round has used a table yet: any of them can go. A label twice is caught here.
    expect(await console_.getByRole('button', { name: /entfernen$/ }).count()).toBe(3);
    await console_.fill('#edit-table-2-label', 'fenster');
    await console_.fill('#edit-table-1-seats', '30');
    await console_.getByRole('button', { name: 'Tische speichern' }).click();
    await console_.waitForSelector('#error-edit-table-2-label');
    expect(await console_.textContent('#error-edit-table-2-label')).toBe(
      'Diese Bezeichnung hat schon ein anderer Tisch.',
    );
    expect(await console_.getAttribute('#edit-table-1-seats', 'aria-describedby')).toBe(
      'error-edit-table-1-seats',
    );
    await console_.waitForFunction(() => document.activeElement?.getAttribute('id') === 'edit-table-1-seats');
    axe.push(await axeCheck(console_, 'console: tables editor with errors'));
    await console_.fill('#edit-table-1-seats', '4');
    await console_.fill('#edit-table-2-label', 'Terrasse');
    await console_.getByRole('button', { name: 'Tische speichern' }).click();
    await console_.getByTestId('tables-saved').waitFor();
    await console_.getByRole('heading', { name: 'Tische (3)' }).waitFor();
    const rows = await console_.locator('.tables tbody tr').allTextContents();
    expect(rows[0]).toMatch(/^Fenster5/);
    expect(rows[1]).toMatch(/^B4Lizenzen/);
    expect(rows[2]).toMatch(/^Terrasse4/);
    const stored = await api.state<{ tables: { label: string; seats: number; topic: string | null }[] }>(
      event,
    );
    expect(stored.tables.map((t) => [t.label, t.seats, t.topic])).toEqual([
      ['Fenster', 5, null],
      ['B', 4, 'lizenzen'],
      ['Terrasse', 4, null],
    ]);

    // 12 people need all three tables (5 + 4 + 4 seats).
    await api.rehearsal(event, 12);
    await console_.getByRole('heading', { name: 'Teilnehmende (12)' }).waitFor();
    await console_.getByRole('button', { name: 'Tische bearbeiten' }).click();
    await console_.click('[data-testid="start-round"]');
    await console_.getByTestId('tables-live-hint').waitFor();
    await console_.fill('#edit-table-2-label', 'Garten');
    await console_.getByRole('button', { name: 'Tische speichern' }).click();
    await console_.getByTestId('tables-error').waitFor();
    expect(await console_.getByTestId('tables-error').textContent()).toContain('Es läuft gerade eine Runde');
    axe.push(await axeCheck(console_, 'console: tables refused during a round'));
    await console_.getByRole('button', { name: 'Abbrechen' }).click();
    await endRoundInConsole(console_);
    await console_.getByRole('button', { name: 'Runde 2 starten' }).waitFor();

    // Round 1 used all three tables: they can be renamed but not removed; a new one can go again.
    await console_.getByRole('button', { name: 'Tische bearbeiten' }).click();
    expect(await console_.getByRole('button', { name: /entfernen$/ }).count()).toBe(0);
    await console_.getByRole('button', { name: 'Tisch hinzufügen' }).click();
    await console_.fill('#edit-table-3-label', 'Garten');
    expect(await console_.getByRole('button', { name: /entfernen$/ }).count()).toBe(1);
    await console_.screenshot({ path: join(SHOTS, 'moderator-tables-used.png'), fullPage: true });
    await console_.getByRole('button', { name: 'Tisch Garten entfernen' }).click();
    await console_.fill('#edit-table-0-label', 'Fensterplatz');
    await console_.getByRole('button', { name: 'Tische speichern' }).click();
    await console_.getByTestId('tables-saved').waitFor();
    const renamed = await api.state<{ tables: { label: string; usedInRounds: boolean }[] }>(event);
    expect(renamed.tables.map((t) => [t.label, t.usedInRounds])).toEqual([
      ['Fensterplatz', true],
      ['B', true],
      ['Terrasse', true],
    ]);
    expect((await api.state<{ tables: unknown[] }>(event)).tables).toHaveLength(3);

    expect(browser.watch.pageErrors).toEqual([]);
    expect(axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} ${v.help}`))).toEqual([]);
  });

  it('pages the venue screen by itself every 10 s (Playwright clock), with the socket still live', async () => {
    const { server, browser } = suite;
    const api = moderatorApi(server);
    // 300 people at 1280×720: more than the smallest readable type fits on one page.
    const event = await api.create({ title: 'Volle Leinwand', tables: { count: 50, seats: 6 } });
    await api.rehearsal(event, 300);
    await api.startRound(event);

    const screen = await browser.newPage({ width: 1280, height: 720 });
    const pongs: string[] = [];
    screen.on('websocket', (ws) =>
      ws.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"type":"pong"')) pongs.push(String(frame.payload));
      }),
    );
    // The page's timers run on this clock (it still flows in real time); the paging interval is 10 s.
    await screen.clock.install();
    await screen.goto(event.links.screen);
    const indicator = screen.getByTestId('page-indicator');
    await indicator.waitFor();
    const pages = Number(/^Seite 1 von (\d+)$/.exec((await indicator.textContent())!)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const names = screen.getByTestId('seat-name');
    const firstPage = await names.allTextContents();
    expect(firstPage.length).toBeGreaterThan(20);

    // One interval in two jumps, each shorter than the realtime client's 9 s silence check, with the
    // server's answer to a ping between them: the link is alive and must not look dead.
    for (const jump of [5_000, 5_000]) {
      const answered = pongs.length;
      await screen.clock.fastForward(jump);
      await expect.poll(() => pongs.length, { timeout: 60_000 }).toBeGreaterThan(answered);
    }
    await screen.getByText(`Seite 2 von ${pages}`).waitFor();
    const secondPage = await names.allTextContents();
    expect(secondPage[0]).not.toBe(firstPage[0]);
    expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);
    expect(secondPage[0]!.localeCompare(firstPage.at(-1)!, 'de')).toBeGreaterThanOrEqual(0);
    await screen.screenshot({ path: join(SHOTS, 'screen-round-page-2.png') });

    // The socket stayed up through the jump: no banner, and the next push arrives at once.
    expect(await screen.locator('.screen-reconnecting').count()).toBe(0);
    await api.endRound(event);
    await screen.getByTestId('change-cue').waitFor();
    expect(browser.watch.pageErrors).toEqual([]);
  });
});
