import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../helpers/app.js';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { PEOPLE } from './profiles.js';
import { joinViaForm, moderatorApi } from './steps.js';
import { browserSuite } from './suite.js';

// page.waitForFunction runs these in the browser; the root project has no DOM types.
declare const document: {
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
};

const PHONE = { width: 390, height: 844 };
const SCREEN = { width: 1920, height: 1080 };
const LAPTOP = { width: 1440, height: 900 };

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

async function waitForTexts(page: Page, selector: string, expected: string[]) {
  await page.waitForFunction(
    ([s, e]) => JSON.stringify([...document.querySelectorAll(s!)].map((n) => n.textContent)) === e,
    [selector, JSON.stringify(expected)] as const,
  );
}

/** The World Café parts as the room meets them: the question, the harvest, feedback, the harvest wall. */
describe.skipIf(!hasChromium)("the round's question, the table's harvest and one-tap feedback", () => {
  const suite = browserSuite('axe-cafe.json');
  const { axe, shot } = suite;
  const check = async (page: Page, label: string) => {
    const summary = await axeCheck(page, label);
    axe.push(summary);
    expect(blocking(summary), label).toEqual([]);
  };

  it('question on screen and phones, a mate marked as known, a takeaway added and one hidden, feedback in de and en, the wall, the print', async () => {
    const { server, browser } = suite;
    const api = moderatorApi(server);
    const event = await api.create({
      title: 'Weltcafé',
      tables: { count: 2, seats: 4 },
      minutesPerRound: 10,
    });

    // — The moderator types the first round's question in both languages. —
    const console_ = await browser.newPage(LAPTOP);
    await console_.goto(event.links.moderator);
    await console_.getByRole('heading', { name: 'Fragen der Runden' }).waitFor();
    await console_.fill('#question-1-de', 'Was hat euch heute überrascht?');
    await console_.fill('#question-1-en', 'What surprised you today?');
    const form = console_.getByTestId('question-form-1');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.getByText('Gespeichert.').waitFor();

    // — Two people join on their phones, two more through the API; the venue screen is open. —
    const anna = await browser.newPage(PHONE);
    const bernd = await browser.newPage(PHONE);
    for (const [page, person] of [
      [anna, PEOPLE[0]!],
      [bernd, PEOPLE[1]!],
    ] as const) {
      await page.goto(event.links.join);
      await page.waitForSelector('#displayName');
      await joinViaForm(page, person);
    }
    const cem = (await api.join(event, PEOPLE[2]!)) as { token: string };
    await api.join(event, PEOPLE[3]!);
    const screen = await browser.newPage(SCREEN);
    await screen.goto(event.links.screen);
    await screen.getByTestId('joined-count').waitFor();

    // — Round 1: the question big on the screen (both languages) and on every phone. —
    await api.startRound(event);
    await screen.getByTestId('screen-question').waitFor();
    expect(await screen.locator('.screen-question-main').textContent()).toBe(
      'Was hat euch heute überrascht?',
    );
    expect(await screen.locator('.screen-question-other').textContent()).toBe('What surprised you today?');
    await check(screen, 'screen: round with its question');
    await shot(screen, 'cafe-screen-question');
    await anna.getByTestId('phone-question').getByText('Was hat euch heute überrascht?').waitFor();
    await bernd.getByTestId('phone-question').waitFor();

    // — Anna tells the planner, by keyboard, that she already knows her first table mate. —
    const knownToggle = anna.getByTestId('known-toggle').first();
    const mateLabel = (await knownToggle.getAttribute('aria-label')) ?? '';
    expect(mateLabel).toContain('erfährt es nicht');
    const marked = anna.waitForResponse(
      (r) => r.url().includes('/api/me/known/') && r.request().method() === 'PUT',
    );
    await knownToggle.focus();
    await anna.keyboard.press('Enter');
    expect((await marked).status()).toBe(204);
    await anna.locator('[data-testid="known-toggle"][aria-pressed="true"]').waitFor();
    expect(await knownToggle.textContent()).toBe('Kennen uns schon ✓');
    const db = sqliteOf(server.handle.app).reader;
    expect(db.prepare('select count(*) as n from known_pairs').get()).toEqual({ n: 1 });

    // — Anna adds two takeaways from her phone, by keyboard; the console sees them live. —
    const note = 'Offene Standards zuerst, dann die Beschaffung';
    await anna.getByLabel('Ein Gedanke eures Tisches').fill(`  ${note}  `);
    await anna.getByRole('button', { name: 'Hinzufügen' }).focus();
    await anna.keyboard.press('Enter');
    await anna.getByRole('status').getByText('Danke! Euer Gedanke ist in der Ernte.').waitFor();
    await waitForTexts(anna, '[data-testid="harvest-items"] li', [note]);
    await anna.getByLabel('Ein Gedanke eures Tisches').fill('Völlig unpassend');
    await anna.getByRole('button', { name: 'Hinzufügen' }).click();
    await waitForTexts(anna, '[data-testid="harvest-items"] li', [note, 'Völlig unpassend']);
    expect(await anna.getByTestId('harvest-count').textContent()).toBe('2 von 5 Beiträgen');
    await check(anna, 'phone: round with question and harvest');
    await shot(anna, 'cafe-phone-round', true);

    await console_.locator('[data-testid="console-takeaway"]').nth(1).waitFor();
    await console_.getByRole('button', { name: '„Völlig unpassend“ ausblenden' }).click();
    await console_.getByRole('button', { name: '„Völlig unpassend“ wieder zeigen' }).waitFor();
    await waitForTexts(anna, '[data-testid="harvest-items"] li', [note]);
    expect(await anna.getByTestId('harvest-count').textContent()).toBe('2 von 5 Beiträgen');

    // — The round ends: each phone asks once how it was; Bernd reads it in English. —
    await api.endRound(event);
    await anna.getByRole('heading', { name: 'Wie war dieses Gespräch?' }).waitFor();
    await anna.getByRole('button', { name: 'Gut', exact: true }).focus();
    await anna.keyboard.press('Enter');
    await anna.getByTestId('feedback-thanks').waitFor();
    expect(await anna.getByRole('button', { name: 'Gut', exact: true }).count()).toBe(0);
    await check(anna, 'phone: after the round, feedback given');
    await shot(anna, 'cafe-phone-after-round', true);

    await bernd.click('[data-testid="lang-switch"]');
    await bernd.getByRole('heading', { name: 'How was this conversation?' }).waitFor();
    await check(bernd, 'phone (English): feedback asked');
    await shot(bernd, 'cafe-phone-feedback-en', true);
    await bernd.getByRole('button', { name: 'So-so' }).click();
    await bernd.getByText('Thank you for your feedback!').waitFor();
    const third = await server.handle.app.inject({
      method: 'POST',
      url: '/api/me/feedback',
      headers: { authorization: `Bearer ${cem.token}` },
      payload: { face: 'good' },
    });
    expect(third.statusCode).toBe(201);

    // — The console puts round 1's harvest on the venue screen: the hidden one is not there. —
    await console_.selectOption('#wall-round', '1');
    await console_.getByRole('button', { name: 'Auf der Leinwand zeigen' }).click();
    await console_
      .getByTestId('wall-status')
      .getByText('Die Leinwand zeigt die Ernte von Runde 1.')
      .waitFor();
    await screen.getByTestId('harvest-wall').waitFor();
    expect(await texts(screen, '[data-testid="wall-item"]')).toEqual([note]);
    // Every card shown ends above the bottom of the projector (longer harvests page through).
    const cardBottoms = await screen
      .locator('.harvest-card')
      .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().bottom));
    for (const bottom of cardBottoms) expect(bottom).toBeLessThanOrEqual(SCREEN.height);
    expect(await screen.locator('.harvest-wall-question').textContent()).toBe(
      'Was hat euch heute überrascht?',
    );
    await check(screen, 'screen: harvest wall');
    await shot(screen, 'cafe-screen-wall');

    // Until the next round starts the console shows how many answered, not what.
    const feedbackRow = console_.locator('[data-testid="feedback-results"] tbody tr').first();
    await feedbackRow.getByText('erscheint mit der nächsten Runde').first().waitFor();
    expect(await feedbackRow.locator('td').first().textContent()).toBe('3');
    await check(console_, 'console: harvest with a hidden takeaway, wall on, feedback pending');
    await shot(console_, 'cafe-console', true);

    // — Round 2 starts: the screen shows the seating again, the console round 1's split. —
    await api.startRound(event);
    await screen.getByTestId('seating').waitFor();
    expect(await screen.getByTestId('harvest-wall').count()).toBe(0);
    await waitForTexts(console_, '[data-testid="feedback-results"] tbody tr:first-child td', [
      '3',
      '2',
      '1',
      '0',
    ]);
    await shot(console_, 'cafe-console-feedback', true);

    // — The print view has the harvest, without the hidden one. —
    const print = await browser.newPage(LAPTOP);
    await print.goto(`${server.url}/m/${event.code}/print#${event.moderator}`);
    await print.getByTestId('print-harvest').waitFor();
    const printed = (await print.getByTestId('print-harvest').textContent()) ?? '';
    expect(printed).toContain(note);
    expect(printed).toContain('What surprised you today?');
    expect(printed).not.toContain('Völlig unpassend');
    await check(print, 'print view with the harvest');
    await shot(print, 'cafe-print', true);

    // — The event finishes: the venue screen's recap says how the conversations felt. —
    await api.endRound(event);
    const finished = await server.handle.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/finish`,
      headers: { authorization: `Bearer ${event.moderator}` },
    });
    expect(finished.statusCode).toBe(200);
    await screen.getByTestId('recap').getByTestId('feedback-recap').waitFor();
    expect(await texts(screen, '.recap-count')).toEqual(['2', '1', '0']);
    await check(screen, 'screen: recap with the feedback');
    await shot(screen, 'cafe-screen-recap');

    expect(db.prepare('select count(*) as n from takeaways').get()).toEqual({ n: 2 });
  });
});
