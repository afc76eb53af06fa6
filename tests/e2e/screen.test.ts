import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import type { Person } from './profiles.js';
import { type ApiEvent, moderatorApi } from './steps.js';
import { browserSuite } from './suite.js';

// Functions handed to page.evaluate run in the browser; the root project has no DOM types.
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
}
interface BrowserElement {
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): Box;
}
declare const document: {
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): Iterable<BrowserElement> & { length: number };
};
declare const window: { innerWidth: number; innerHeight: number };
declare function getComputedStyle(element: unknown): {
  textOverflow: string;
  fontSize: string;
  opacity: string;
};

const FIRST = ['Maximilian', 'Wilhelmine', 'Anna-Magdalena', 'Bartholomäus', 'Konstantin', 'Ann', 'Mwangi'];
const LAST = ['Mömmelmann', 'Wawrzyniak', 'Papadopoulou', 'Schwarzwälder', 'Nguyen', 'Oberhammer', 'Wu'];

/** Names of every length up to 30 characters, a third of them exactly 30: the worst a room brings. */
function roomOf(count: number): Person[] {
  return Array.from({ length: count }, (_, i) => {
    const long = `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]}-${LAST[(i * 5 + 1) % LAST.length]} Wemmelmann`;
    // Every third name exactly 30 characters, the rest 11 to 30.
    const name =
      i % 3 === 0
        ? long.slice(0, 30).replace(/[ -]$/, 'n')
        : `${long.slice(0, 8 + ((i * 7) % 19)).trimEnd()} ${i}`;
    return {
      name,
      organisation: `Org ${i % 40}`,
      role: 'verwaltung',
      stage: i % 5,
      interests: ['governance'],
    };
  });
}

interface Fit {
  shown: number;
  total: number;
  cut: string[];
  outside: string[];
  fontPx: number;
  minFontPx: number;
  boxShare: number;
  bottomGap: number;
  rowHeight: number;
  paged: boolean;
}

/** What a person at the back sees: every name whole, the list down to the bottom of the screen. */
async function measureFit(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const names = [...document.querySelectorAll('[data-testid="seat-name"]')];
    const rows = [...document.querySelectorAll('.seating-row')];
    const box = document.querySelector('.seating-box')!.getBoundingClientRect();
    const list = document.querySelector('[data-testid="seating"]')!;
    const cut = names
      .filter((n) => n.scrollWidth > n.clientWidth || getComputedStyle(n).textOverflow === 'ellipsis')
      .map((n) => n.textContent ?? '');
    const outside = rows
      .filter((r) => {
        const b = r.getBoundingClientRect();
        return b.right > window.innerWidth + 0.5 || b.bottom > window.innerHeight + 0.5 || b.left < 0;
      })
      .map((r) => r.textContent ?? '');
    const bottom = Math.max(...rows.map((r) => r.getBoundingClientRect().bottom));
    return {
      shown: names.length,
      total: 0,
      cut,
      outside,
      fontPx: Number.parseFloat(getComputedStyle(list).fontSize),
      minFontPx: Math.floor(window.innerHeight / 44),
      boxShare: box.height / window.innerHeight,
      bottomGap: box.bottom - bottom,
      rowHeight: rows[0]!.getBoundingClientRect().height,
      paged: document.querySelector('[data-testid="page-indicator"]') !== null,
    };
  });
}

describe.skipIf(!hasChromium)('the venue screen fits the room', () => {
  const suite = browserSuite('axe-screen.json');

  const roomWith = async (count: number): Promise<ApiEvent> => {
    const api = moderatorApi(suite.server);
    const event = await api.create({
      title: `Raum mit ${count}`,
      tables: { count: Math.ceil(count / 6) + 1, seats: 6 },
    });
    // Walk-ins, typed in by the moderator: the join route's rate limit is for phones.
    for (const person of roomOf(count)) {
      const added = await suite.server.handle.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}/walk-ins`,
        headers: { authorization: `Bearer ${event.moderator}` },
        payload: {
          displayName: person.name,
          organisation: person.organisation,
          role: person.role,
          stage: person.stage,
          interests: person.interests,
        },
      });
      expect(added.statusCode).toBe(201);
    }
    await api.startRound(event);
    return event;
  };

  const cases: { count: number; width: number; height: number }[] = [
    { count: 65, width: 1280, height: 720 },
    { count: 65, width: 1920, height: 1080 },
    { count: 300, width: 1280, height: 720 },
    { count: 300, width: 1920, height: 1080 },
    { count: 300, width: 3840, height: 2160 },
    { count: 20, width: 1920, height: 1080 },
  ];

  for (const { count, width, height } of cases) {
    it(`shows ${count} full names at ${width}×${height}, using the height, paging only when needed`, async () => {
      const event = await roomWith(count);
      const screen = await suite.browser.newPage({ width, height });
      await screen.goto(event.links.screen);
      await screen.waitForFunction(() => document.querySelectorAll('[data-testid="seat-name"]').length > 0);
      const fit = await measureFit(screen);
      await suite.shot(screen, `screen-${count}-${width}x${height}`);

      expect(fit.cut, 'names cut').toEqual([]);
      expect(fit.outside, 'rows outside the screen').toEqual([]);
      expect(fit.fontPx).toBeGreaterThanOrEqual(fit.minFontPx);
      expect(fit.boxShare, 'share of the height the list may use').toBeGreaterThan(0.72);
      expect(fit.bottomGap, 'empty space under the list').toBeLessThan(fit.rowHeight);
      // Paging only when even the smallest readable type cannot hold everyone.
      if (fit.paged) expect(fit.fontPx).toBe(fit.minFontPx);
      else expect(fit.shown).toBe(count);
      const names = roomOf(count).map((p) => p.name);
      const shown = await screen.$$eval('[data-testid="seat-name"]', (els) => els.map((e) => e.textContent));
      for (const name of shown) expect(names).toContain(name);
      if (count === 65) expect(fit.paged, '65 people fit on one page').toBe(false);

      const axe = await axeCheck(screen, `screen ${count} ${width}×${height}`);
      suite.axe.push(axe);
      expect(blocking(axe)).toEqual([]);
      await screen.context().close();
    }, 120_000);
  }

  it('shows the join link on one line with a typeable code, and nothing of the laptop on the image', async () => {
    const api = moderatorApi(suite.server);
    const event = await api.create({
      title: 'Netzwerkfrühstück Open Source in der Verwaltung',
      tables: { count: 3, seats: 4 },
    });
    const screen = await suite.browser.newPage({ width: 1280, height: 720 });
    await screen.goto(event.links.screen);
    await screen.getByTestId('join-code').waitFor();
    const line = await screen.evaluate(() => {
      const url = document.querySelector('[data-testid="join-url"]')!;
      const box = url.getBoundingClientRect();
      return {
        text: url.textContent,
        height: box.height,
        fontPx: Number.parseFloat(getComputedStyle(url).fontSize),
        fits: url.scrollWidth <= (document.querySelector('.join-url')?.clientWidth ?? 0) + 0.5,
        tools: Number.parseFloat(
          getComputedStyle(document.querySelector('[data-testid="screen-tools"]')).opacity,
        ),
      };
    });
    expect(line.text).toBe(event.links.join);
    expect(line.height, 'one line, no lone letter on a second').toBeLessThan(line.fontPx * 1.6);
    expect(line.fits).toBe(true);
    expect(line.tools, 'the language and sound buttons are hidden while the mouse rests').toBe(0);
    expect(await screen.getByTestId('join-code').textContent()).toBe(
      event.code.toUpperCase().replace(/(.{4})(?=.)/g, '$1 '),
    );
    await suite.shot(screen, 'screen-lobby-1280x720');
    // The keyboard brings the tools back.
    await screen.keyboard.press('Tab');
    await screen.waitForFunction(
      () => getComputedStyle(document.querySelector('[data-testid="screen-tools"]')).opacity === '1',
    );
    const axe = await axeCheck(screen, 'screen lobby 1280×720');
    suite.axe.push(axe);
    expect(blocking(axe)).toEqual([]);
    await screen.context().close();
  }, 60_000);

  it('calls the room to change tables when a round is over, and sums up the evening at the end', async () => {
    const { server } = suite;
    const api = moderatorApi(server);
    const event = await api.create({
      title: 'Tischwechsel-Signal',
      tables: { count: 2, seats: 4 },
      plannedRounds: 2,
    });
    for (const person of roomOf(6)) await api.join(event, person);
    const screen = await suite.browser.newPage({ width: 1920, height: 1080 });
    await screen.goto(event.links.screen);
    await screen.getByTestId('join-code').waitFor();
    await screen.keyboard.press('Tab');
    await screen.getByTestId('sound-switch').click();
    expect(await screen.getByTestId('sound-switch').getAttribute('aria-pressed')).toBe('true');

    await api.startRound(event);
    await screen.getByTestId('seating').waitFor();
    await api.endRound(event);
    await screen.getByTestId('change-cue').waitFor();
    expect(await screen.getByTestId('change-cue').textContent()).toContain('Zeit für den Tischwechsel!');
    expect(await screen.getByTestId('change-cue').textContent()).toContain('Runde 2');
    await suite.shot(screen, 'screen-change-cue');
    const cueAxe = await axeCheck(screen, 'screen change cue');
    suite.axe.push(cueAxe);
    expect(blocking(cueAxe)).toEqual([]);

    await api.startRound(event);
    await screen.getByTestId('seating').waitFor();
    await api.endRound(event);
    await screen.getByText('Das war die letzte Runde').waitFor();
    const finish = await server.handle.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/finish`,
      headers: { authorization: `Bearer ${event.moderator}` },
    });
    expect(finish.statusCode).toBeLessThan(300);
    await screen.getByTestId('recap').waitFor();
    expect(await screen.getByTestId('recap-rounds').textContent()).toBe('2');
    expect(await screen.getByTestId('recap-conversations').textContent()).toBe('4');
    // Six people, two rounds at two tables of three, nobody meeting twice where it can be avoided.
    expect(
      Number((await screen.getByTestId('recap-met').textContent())!.replace(',', '.')),
    ).toBeGreaterThanOrEqual(2);
    expect(await screen.getByTestId('recap').textContent()).toContain('auf deinem Handy');
    await suite.shot(screen, 'screen-recap');
    const recapAxe = await axeCheck(screen, 'screen recap');
    suite.axe.push(recapAxe);
    expect(blocking(recapAxe)).toEqual([]);
    expect(suite.browser.watch.pageErrors).toEqual([]);
    expect(suite.browser.watch.foreignRequests).toEqual([]);
    await screen.context().close();
  }, 60_000);
});
