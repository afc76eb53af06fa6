import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { PEOPLE } from './profiles.js';
import { type ApiEvent, joinViaForm, moderatorApi } from './steps.js';
import { browserSuite, SHOTS } from './suite.js';

/**
 * The organiser's guide walks one event in each language and these are its pictures. The walk always
 * runs (it checks the pages as the guide describes them); `npm run docs:screenshots` sets
 * DOCS_SCREENSHOTS=1, and the pictures then land in docs/images/guide/, where the guide links them.
 */
const DOCS = process.env.DOCS_SCREENSHOTS === '1';
const OUT = DOCS ? resolve(import.meta.dirname, '../../docs/images/guide') : join(SHOTS, 'guide');

const LAPTOP = { width: 1280, height: 800 };
const PROJECTOR = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

declare const localStorage: { setItem(key: string, value: string): void };
declare const window: { scrollTo(x: number, y: number): void };

const TEXT = {
  de: { title: 'Netzwerkfrühstück Open Source in der Verwaltung', people: /Teilnehmende \(30\)/ },
  en: { title: 'Open Source Networking Breakfast', people: /Participants \(30\)/ },
} as const;

describe.skipIf(!hasChromium)("the organiser's guide, in pictures", () => {
  const suite = browserSuite('axe-guide.json');
  const { axe } = suite;

  it.each(['de', 'en'] as const)('walks an event from creation to the finish (%s)', async (lang) => {
    const { server, browser } = suite;
    mkdirSync(OUT, { recursive: true });
    const picture = async (target: Page | Locator, name: string, page: Page) => {
      axe.push(await axeCheck(page, `guide ${lang}: ${name}`));
      await target.screenshot({ path: join(OUT, `${lang}-${name}.png`) });
    };
    const context = async (viewport: { width: number; height: number }) => {
      const c = await browser.newContext(viewport);
      // Also runs in about:blank, where storage is refused.
      await c.addInitScript((l) => {
        try {
          localStorage.setItem('tw.lang', l);
        } catch {}
      }, lang);
      return c;
    };

    // Before the day: the event, its links, the console with a rehearsal room, the printed plan.
    const laptop = await context(LAPTOP);
    const console_ = await laptop.newPage();
    await console_.goto(`${server.url}/new`);
    await console_.waitForSelector('#event-title');
    await console_.fill('#event-title', TEXT[lang].title);
    // 30 people at tables of 5: four rounds in which nobody meets anyone twice.
    await console_.fill('#table-count', '8');
    await console_.fill('#table-seats', '5');
    await console_.fill('#event-rounds', '4');
    await picture(console_, 'new-event', console_);
    await console_.click('button[type="submit"]');
    await console_.waitForSelector('[data-testid="screen-link"]');
    await picture(console_, 'links', console_);
    const links = {
      join: (await console_.getByTestId('join-link').textContent())!,
      moderator: (await console_.getByTestId('moderator-link').textContent())!,
      screen: (await console_.getByTestId('screen-link').textContent())!,
    };
    const code = /\/j\/([^/#]+)$/.exec(links.join)![1]!;
    const event: ApiEvent = { code, moderator: links.moderator.split('#')[1]!, links };
    const api = moderatorApi(server);
    await api.rehearsal(event, 30);
    await console_.click('[data-testid="open-console"]');
    await console_.waitForSelector('[data-testid="round-status"]');
    await console_.getByRole('heading', { name: TEXT[lang].people }).waitFor();
    await picture(console_, 'console-before', console_);
    await picture(console_.locator('section[aria-labelledby="tables-heading"]'), 'console-tables', console_);

    const print = await laptop.newPage();
    await print.goto(links.moderator.replace('#', '/print#'));
    await print.waitForSelector('.print-round');
    // Before round 1 the whole evening is planned already: every planned round is printable.
    expect(await print.locator('.print-round:not(.print-table-page)').count()).toBe(4);
    await picture(print, 'print-plan', print);

    // On the day: the screen on the projector, a phone joining, the first round.
    const screen = await (await context(PROJECTOR)).newPage();
    await screen.goto(links.screen);
    await screen.waitForSelector('[data-testid="joined-count"]');
    await picture(screen, 'screen-lobby', screen);

    const phone = await (await context(PHONE)).newPage();
    await phone.goto(links.join);
    await phone.waitForSelector('#displayName');
    await picture(phone, 'phone-join', phone);
    await joinViaForm(phone, PEOPLE[0]!);
    await picture(phone, 'phone-waiting', phone);

    await console_.click('[data-testid="start-round"]');
    await phone.getByTestId('my-table').waitFor();
    await screen.locator('[data-testid="seat-name"]').first().waitFor();
    await console_.getByTestId('end-round').waitFor();
    await picture(phone, 'phone-table', phone);
    await picture(screen, 'screen-round', screen);
    await console_.evaluate(() => window.scrollTo(0, 0));
    await picture(console_, 'console-round', console_);
    await picture(console_.locator('section[aria-labelledby="walkin-heading"]'), 'console-walk-in', console_);

    await console_.click('[data-testid="end-round"]');
    await picture(console_.getByTestId('round-bar'), 'console-end-confirm', console_);
    await console_.click('[data-testid="confirm-end-round"]');
    await screen.waitForSelector('[data-testid="change-cue"]');
    await picture(screen, 'screen-change', screen);

    // After: the finish, the recap on the screen, exports and erasure in the console.
    const finished = await server.handle.app.inject({
      method: 'POST',
      url: `/api/events/${code}/finish`,
      headers: { authorization: `Bearer ${event.moderator}` },
    });
    expect(finished.statusCode).toBe(200);
    await screen.waitForSelector('.screen[data-phase="finished"]');
    await picture(screen, 'screen-finished', screen);
    await console_.waitForSelector('[data-testid="role-matrix"]');
    await picture(console_.locator('section[aria-labelledby="event-heading"]'), 'console-after', console_);

    expect(browser.watch.foreignRequests).toEqual([]);
    expect(browser.watch.pageErrors).toEqual([]);
    const findings = axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} (${v.impact}) ${v.help}`));
    expect(findings).toEqual([]);
    await laptop.close();
  });
});
