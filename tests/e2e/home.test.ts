import { describe, expect, it } from 'vitest';
import { axeCheck, blocking } from './axe.js';
import { hasChromium } from './browser.js';
import { moderatorApi } from './steps.js';
import { browserSuite } from './suite.js';

/** A guest who types the domain: `/` asks for the code on the screen; organisers are one click away. */
describe.skipIf(!hasChromium)('the start page for guests', () => {
  const suite = browserSuite('axe-home.json');

  it('joins by a typed code however it is written, says clearly when a code is wrong, and links to event creation', async () => {
    const { server, browser } = suite;
    const event = await moderatorApi(server).create({
      title: 'Code eintippen',
      tables: { count: 2, seats: 4 },
    });
    // Codes are read off a screen: no 0/O, 1/l/I to confuse.
    expect(event.code).toMatch(/^[2-9a-hjkmnp-z]{8}$/);

    const phone = await browser.newPage({ width: 360, height: 640 });
    await phone.goto(`${server.url}/`);
    await phone.getByTestId('event-code').waitFor();
    const check = async (label: string) => {
      const summary = await axeCheck(phone, label);
      suite.axe.push(summary);
      expect(blocking(summary)).toEqual([]);
    };
    await check('home: enter the code');

    await phone.fill('[data-testid="event-code"]', 'zzzz-zzzz');
    await phone.getByRole('button', { name: 'Weiter' }).click();
    await phone.getByRole('alert').waitFor();
    expect(await phone.getByRole('alert').textContent()).toContain('keine Veranstaltung');
    expect(await phone.getAttribute('[data-testid="event-code"]', 'aria-invalid')).toBe('true');
    await check('home: unknown code');
    await suite.shot(phone, 'home-unknown-code', true);

    await phone.fill('[data-testid="event-code"]', 'x');
    await phone.getByRole('button', { name: 'Weiter' }).click();
    await phone.getByText('Das ist kein gültiger Code').waitFor();

    // Lower case, a dash and spaces, as someone types it on a phone.
    const typed = ` ${event.code.slice(0, 4)}-${event.code.slice(4)} `;
    await phone.fill('[data-testid="event-code"]', typed);
    expect(await phone.inputValue('[data-testid="event-code"]')).toBe(typed.toUpperCase());
    await phone.getByRole('button', { name: 'Weiter' }).click();
    await phone.waitForURL(`**/j/${event.code}`);
    await phone.waitForSelector('#displayName');

    // The organiser's way: one click from `/` to the creation form, and the old links still work.
    await phone.goto(`${server.url}/`);
    await phone.getByRole('link', { name: 'Veranstaltung anlegen' }).click();
    await phone.waitForURL('**/new');
    await phone.getByRole('heading', { name: 'Neue Veranstaltung' }).waitFor();
    await phone.goto(event.links.moderator);
    await phone
      .getByRole('heading', { name: /Code eintippen/ })
      .first()
      .waitFor();

    expect(browser.watch.pageErrors).toEqual([]);
    expect(browser.watch.foreignRequests).toEqual([]);
    await phone.context().close();
  });

  it('answers a mistyped link with a page, not JSON, and has a tab icon (no console error on any page)', async () => {
    const { server, browser } = suite;
    const page = await browser.newPage({ width: 390, height: 844 });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // The mistyped page's own 404 is what it should be; anything else (a missing icon) is not.
      if (message.type() === 'error' && !message.location().url.endsWith('/j/abc/typo'))
        consoleErrors.push(`${message.location().url}: ${message.text()}`);
    });
    const response = await page.goto(`${server.url}/j/abc/typo`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toContain('text/html');
    await page.getByRole('heading', { name: 'Seite nicht gefunden' }).waitFor();
    const summary = await axeCheck(page, 'not found page');
    suite.axe.push(summary);
    expect(blocking(summary)).toEqual([]);
    await page.goto(`${server.url}/`);
    await page.getByTestId('event-code').waitFor();
    expect(consoleErrors).toEqual([]);

    const icon = await server.handle.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    // The API keeps answering machines in JSON.
    const api = await server.handle.app.inject({
      method: 'GET',
      url: '/api/nothing',
      headers: { accept: 'text/html' },
    });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
    await page.context().close();
  });

  it("shows the organiser's guide with its pictures, in both languages, linked from the start pages", async () => {
    const { server, browser } = suite;
    const page = await browser.newPage({ width: 1280, height: 800 });
    await page.goto(`${server.url}/new`);
    await page.getByRole('link', { name: 'Leitfaden für Organisierende' }).click();
    await page.waitForURL('**/guide');
    await page.getByRole('heading', { name: 'Vor dem Tag' }).waitFor();
    const pictures = page.locator('article img');
    expect(await pictures.count()).toBeGreaterThanOrEqual(15);
    // Every picture is a bundled asset that loads, not a path into the repository.
    for (const img of await pictures.all()) {
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (el) => (el as unknown as { complete: boolean }).complete,
        await img.elementHandle(),
      );
      expect(
        await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(0);
      expect(await img.getAttribute('src')).not.toContain('docs/');
    }
    const summary = await axeCheck(page, 'guide (de)');
    suite.axe.push(summary);
    expect(blocking(summary)).toEqual([]);
    await suite.shot(page, 'guide-de', false);

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Before the day' }).waitFor();
    expect(await page.locator('article img').first().getAttribute('alt')).toContain('Creating an event');
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: "Organiser's guide" }).click();
    await page.getByRole('heading', { name: 'On the day' }).waitFor();

    expect(browser.watch.pageErrors).toEqual([]);
    expect(browser.watch.foreignRequests).toEqual([]);
    await page.context().close();
  });
});
