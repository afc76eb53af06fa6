import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { PEOPLE, type Person, XSS_NAME } from './profiles.js';
import { endRoundInConsole, joinViaForm, moveInConsole } from './steps.js';
import { browserSuite } from './suite.js';

// Functions handed to page.evaluate run in the browser; the root project has no DOM types, so these
// few declarations (module-scoped) describe what they touch.
interface BrowserNode {
  textContent: string | null;
}
declare const document: {
  querySelector(selector: string): BrowserNode | null;
  querySelectorAll(selector: string): Iterable<BrowserNode> & { length: number };
  documentElement: { lang: string };
};
declare function getComputedStyle(element: unknown): { breakAfter: string };

const PHONE = { width: 390, height: 844 };
const SCREEN = { width: 1920, height: 1080 };
const LAPTOP = { width: 1440, height: 900 };

interface Phone {
  person: Person;
  page: Page;
  active: boolean;
}

const textOf = (page: Page, selector: string) => page.locator(selector).first().textContent();

async function waitForText(page: Page, selector: string, text: string, timeout = 30_000) {
  await page.waitForFunction(
    ([s, t]) => [...document.querySelectorAll(s!)].some((el) => el.textContent === t),
    [selector, text],
    { timeout },
  );
}

/** Name → table as the venue screen shows it right now. */
async function screenSeating(screen: Page, expected: number, round: number): Promise<Map<string, string>> {
  await page$(screen).waitForFunction(
    ([n, r]) =>
      document.querySelectorAll('[data-testid="seat-name"]').length === n &&
      (document.querySelector('.board-title')?.textContent ?? '').includes(String(r)),
    [expected, round],
  );
  const rows = await screen.$$eval('.seating-row', (items) =>
    items.map((li) => [
      li.querySelector('[data-testid="seat-name"]')!.textContent!,
      li.querySelector('[data-testid="seat-table"]')!.textContent!,
    ]),
  );
  return new Map(rows as [string, string][]);
}
const page$ = (p: Page) => p;

async function expectPhonesMatch(phones: Phone[], seating: Map<string, string>) {
  for (const phone of phones.filter((p) => p.active)) {
    const table = seating.get(phone.person.name);
    expect(table, `${phone.person.name} is on the screen`).toBeDefined();
    await waitForText(phone.page, '[data-testid="my-table"]', table!);
  }
}

describe.skipIf(!hasChromium)('the whole story in a real browser', () => {
  const suite = browserSuite('axe.json');
  const { axe, shot } = suite;
  const check = async (page: Page, label: string) => {
    axe.push(await axeCheck(page, label));
  };

  it('create, join 13, three rounds, reload, move, delete, finish, contacts, print — in de and en', async () => {
    const { server, browser } = suite;
    const { url } = server;

    // — The moderator creates the event on the start page. —
    const moderatorContext = await browser.newContext(LAPTOP);
    const start = await moderatorContext.newPage();
    await start.goto(`${url}/new`);
    await start.waitForSelector('#event-title');
    await check(start, 'start page (form)');
    await shot(start, 'start-form', true);
    await start.fill('#event-title', 'Netzwerkfrühstück Open Source');
    await start.fill('#table-count', '4');
    await start.fill('#table-seats', '4');
    await start.fill('#event-rounds', '3');
    await start.click('button[type="submit"]');
    await start.waitForSelector('[data-testid="screen-link"]');
    const screenLink = (await textOf(start, '[data-testid="screen-link"]'))!;
    const moderatorLink = (await textOf(start, '[data-testid="moderator-link"]'))!;
    const joinLink = (await textOf(start, '[data-testid="join-link"]'))!;
    expect(joinLink).toMatch(new RegExp(`^${url}/j/[a-z0-9]+$`));
    await check(start, 'start page (links)');
    await shot(start, 'start-created');

    await start.click('[data-testid="open-console"]');
    const moderator = start;
    await moderator.waitForSelector('[data-testid="round-status"]');

    // — The venue screen. —
    const screenContext = await browser.newContext(SCREEN);
    const screen = await screenContext.newPage();
    await screen.goto(screenLink);
    await screen.waitForSelector('[data-testid="joined-count"]');
    expect(await textOf(screen, '[data-testid="join-url"]')).toBe(joinLink);

    // — Thirteen phones join; the first one tries bad input first. —
    const phones: Phone[] = [];
    for (const person of PEOPLE) {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      phones.push({ person, page, active: true });
    }
    const first = phones[0]!.page;
    // Each script once: the reload below takes them from the cache, the budget is what a phone downloads.
    const scripts = new Map<string, Promise<number>>();
    first.on('response', (response) => {
      if (response.url().endsWith('.js') && !scripts.has(response.url()))
        scripts.set(
          response.url(),
          response.body().then((b) => gzipSync(b, { level: 9 }).length),
        );
    });
    await first.goto(joinLink);
    await first.waitForSelector('#displayName');
    await first.click('button[type="submit"]');
    await first.waitForSelector('#error-displayName');
    expect(await first.getAttribute('#displayName', 'aria-invalid')).toBe('true');
    expect(await first.isVisible('#error-privacyAccepted')).toBe(true);
    // The server's own check: a contact that is neither an e-mail address nor a URL.
    await first.fill('#displayName', 'Probe');
    await first.selectOption('#role', 'verwaltung');
    await first.check('input[name="stage"][value="1"]');
    await first.fill('#contact', 'not a contact');
    await first.check('input[name="privacyAccepted"]');
    await first.click('button[type="submit"]');
    await first.waitForSelector('#error-contact');
    expect(await first.getAttribute('#contact', 'aria-describedby')).toBe('error-contact');
    await check(first, 'phone join form (with errors)');
    await shot(first, 'phone-join-errors', true);
    await first.reload();
    await first.waitForSelector('#displayName');
    const participantJs = (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0);
    expect(participantJs).toBeGreaterThan(0);
    expect(participantJs).toBeLessThanOrEqual(60 * 1024);

    await Promise.all(
      phones.map(async (phone, i) => {
        if (i > 0) await phone.page.goto(joinLink);
        await phone.page.waitForSelector('#displayName');
        await joinViaForm(phone.page, phone.person);
      }),
    );
    await waitForText(screen, '[data-testid="joined-count"]', '13');
    await waitForText(moderator, '#people-heading', 'Teilnehmende (13)');
    await check(screen, 'screen lobby');
    await shot(screen, 'screen-lobby');
    await check(first, 'phone lobby');
    await shot(first, 'phone-lobby');
    await check(moderator, 'moderator lobby');
    await shot(moderator, 'moderator-lobby');

    // — The English switch on one phone changes its texts (and only there). —
    const english = phones[1]!.page;
    expect(await english.textContent('body')).toContain('Ich mache Pause');
    await english.click('[data-testid="lang-switch"]');
    await english.waitForFunction(() => document.documentElement.lang === 'en');
    const englishText = await english.textContent('body');
    expect(englishText).toContain("I'm taking a break");
    expect(englishText).toContain('The first round starts soon');
    expect(englishText).not.toContain('Ich mache Pause');
    expect(await first.textContent('body')).toContain('Ich mache Pause');

    // — Round 1. —
    await moderator.click('[data-testid="start-round"]');
    let seating = await screenSeating(screen, 13, 1);
    expect(seating.get(XSS_NAME)).toBeDefined();
    await expectPhonesMatch(phones, seating);
    expect(await english.textContent('.seat')).toContain('At your table');
    await first.waitForFunction(
      () => document.querySelector('[data-testid="announcement"]')?.textContent !== '',
    );
    expect(await textOf(first, '[data-testid="announcement"]')).toContain(seating.get(PEOPLE[0]!.name)!);
    await check(first, 'phone round');
    await shot(first, 'phone-round', true);
    await shot(english, 'phone-round-english', true);
    await check(screen, 'screen round');
    await shot(screen, 'screen-round');
    await check(moderator, 'moderator round');
    await shot(moderator, 'moderator-round', true);
    await endRoundInConsole(moderator);
    await screen.waitForSelector('[data-testid="change-cue"]');
    await shot(screen, 'screen-between');

    // — Round 2: a phone reloads mid-round; the moderator moves someone. —
    await moderator.click('[data-testid="start-round"]');
    seating = await screenSeating(screen, 13, 2);
    await expectPhonesMatch(phones, seating);
    const reloader = phones[4]!;
    await reloader.page.reload();
    await waitForText(reloader.page, '[data-testid="my-table"]', seating.get(reloader.person.name)!);

    const counts = new Map<string, number>();
    for (const table of seating.values()) counts.set(table, (counts.get(table) ?? 0) + 1);
    const mover = phones[7]!;
    const from = seating.get(mover.person.name)!;
    const to = [...counts].find(([table, n]) => table !== from && n < 4)![0];
    await moveInConsole(moderator, mover.person.name, to);
    await waitForText(mover.page, '[data-testid="my-table"]', to);
    seating = await screenSeating(screen, 13, 2);
    expect(seating.get(mover.person.name)).toBe(to);
    await expectPhonesMatch(phones, seating);
    await endRoundInConsole(moderator);
    await screen.waitForSelector('[data-testid="change-cue"]');

    // — Round 3: late in the round (the server clock jumps), one person deletes their data. —
    await moderator.click('[data-testid="start-round"]');
    seating = await screenSeating(screen, 13, 3);
    await expectPhonesMatch(phones, seating);
    server.clock.advance(8.5 * 60_000);
    const leaver = phones[3]!;
    await leaver.page.click('button.danger-link');
    await leaver.page.click('[data-testid="confirm-delete"]');
    await leaver.page.waitForSelector('#displayName');
    expect(await leaver.page.textContent('body')).toContain('Deine Daten wurden gelöscht');
    leaver.active = false;
    seating = await screenSeating(screen, 12, 3);
    expect(seating.has(leaver.person.name)).toBe(false);
    await waitForText(moderator, '#people-heading', 'Teilnehmende (12)');
    await expectPhonesMatch(phones, seating);
    await first.waitForSelector('[data-testid="two-minute-warning"]');
    await english.waitForSelector('[data-testid="two-minute-warning"]');
    expect(await textOf(english, '[data-testid="two-minute-warning"]')).toBe('2 minutes left in this round.');
    await shot(first, 'phone-round-warning', true);
    const screenClock = (await textOf(screen, '[data-testid="screen-countdown"]'))!;
    expect(Number(/(\d+):\d\d/.exec(screenClock)?.[1])).toBeLessThan(2);
    await shot(screen, 'screen-round-warning');

    // — The name that looks like HTML stays text on every page. —
    await waitForText(moderator, '.person-name', XSS_NAME);
    expect(seating.get(XSS_NAME)).toBeDefined();
    const xssTable = seating.get(XSS_NAME);
    const mateOfXss = phones.find(
      (p) => p.active && p.person.name !== XSS_NAME && seating.get(p.person.name) === xssTable,
    )!;
    await waitForText(mateOfXss.page, '.mate-name', XSS_NAME);
    for (const page of [screen, moderator, mateOfXss.page, phones[12]!.page]) {
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    }
    expect(await phones[12]!.page.textContent('.hello')).toBe(`Hallo, ${XSS_NAME}!`);

    await endRoundInConsole(moderator);
    await screen.waitForSelector('[data-testid="change-cue"]');

    // — Finish: contacts on the phones, quality and who-met-whom in the console. —
    // All four planned rounds are played: the console nudges to finish.
    await moderator
      .getByTestId('finish-nudge')
      .getByRole('button', { name: 'Veranstaltung beenden' })
      .click();
    await moderator.click('[data-testid="confirm-finish-nudge"]');
    await screen.waitForSelector('.screen[data-phase="finished"]');
    await moderator.waitForSelector('[data-testid="role-matrix"]');
    expect(await moderator.locator('[data-testid="quality"] tbody tr').count()).toBe(4);
    let downloaded = false;
    for (const phone of phones.filter((p) => p.active && p.person.contact)) {
      await phone.page.waitForSelector('#contacts-heading');
      const button = phone.page.getByRole('button', { name: /vCard/ });
      if ((await button.count()) === 0 || downloaded) continue;
      const [download] = await Promise.all([phone.page.waitForEvent('download'), button.click()]);
      const vcard = readFileSync((await download.path())!, 'utf8');
      expect(vcard).toContain('BEGIN:VCARD');
      await check(phone.page, 'phone after the event');
      await shot(phone.page, 'phone-finished', true);
      downloaded = true;
    }
    expect(downloaded, 'someone who shared a contact met another who did').toBe(true);
    await check(screen, 'screen after the event');
    await shot(screen, 'screen-finished');
    await check(moderator, 'moderator after the event');
    await shot(moderator, 'moderator-finished', true);

    // — The printable plan: one page per round. —
    const print = await moderatorContext.newPage();
    await print.goto(`${moderatorLink.replace('#', '/print#')}`);
    await print.waitForSelector('.print-round');
    // Three rounds played, then a page per table; nothing planned after the finish.
    expect(await print.locator('.print-round:not(.print-table-page)').count()).toBe(3);
    expect(
      await print
        .locator('.print-round')
        .first()
        .evaluate((el) => getComputedStyle(el).breakAfter),
    ).toBe('page');
    expect(await print.locator('.print-round').nth(2).locator('li').count()).toBe(12);
    await check(print, 'print view');
    await shot(print, 'moderator-print', true);

    // — The privacy page. —
    const privacy = await phones[0]!.page.context().newPage();
    await privacy.goto(`${url}/privacy`);
    await privacy.waitForSelector('h2');
    expect(await privacy.textContent('body')).toContain('7 Tagen');
    await check(privacy, 'privacy page');
    await shot(privacy, 'phone-privacy', true);

    // — Nothing left 127.0.0.1, nothing alerted, nothing threw; no serious accessibility finding. —
    expect(browser.watch.foreignRequests).toEqual([]);
    expect(browser.watch.dialogs).toEqual([]);
    expect(browser.watch.pageErrors).toEqual([]);
    const findings = axe.flatMap((s) => blocking(s).map((v) => `${s.page}: ${v.id} (${v.impact}) ${v.help}`));
    expect(findings).toEqual([]);
    // Generous: 14 browser pages on a machine whose cores are busy take minutes; a tight limit fails there.
  }, 600_000);
});
