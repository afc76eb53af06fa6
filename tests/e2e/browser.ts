import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! ${CHROMIUM} is missing: the browser tests (tests/e2e) are SKIPPED.\n!! Install Debian's chromium package to run them.\n${'!'.repeat(78)}\n`,
  );
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** What the pages did that they must not: requests to other hosts, dialogs (an XSS would alert), errors. */
export interface Watch {
  foreignRequests: string[];
  dialogs: string[];
  pageErrors: string[];
}

/**
 * One Chromium for the whole story. Each phone needs its own localStorage (its own participant token),
 * which one persistent context cannot give, so this launches the browser and opens a context per person;
 * Playwright still makes its own fresh profile directory (no --user-data-dir in the args).
 */
export async function launchBrowser(allowedOrigin: string) {
  const artifacts = mkdtempSync(join(tmpdir(), 'tischwechsel-e2e-'));
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    downloadsPath: artifacts,
  });
  const allowedHost = new URL(allowedOrigin).hostname;
  const watch: Watch = { foreignRequests: [], dialogs: [], pageErrors: [] };

  const guard = (page: Page) => {
    page.on('dialog', (dialog) => {
      watch.dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (error) => watch.pageErrors.push(String(error)));
    page.on('websocket', (ws) => {
      if (new URL(ws.url()).hostname !== allowedHost) watch.foreignRequests.push(ws.url());
    });
  };

  const newContext = async (viewport: { width: number; height: number }): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'de-DE' });
    // Every request goes through here: anything not on 127.0.0.1 is recorded and never sent.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).hostname === allowedHost) return route.continue();
      watch.foreignRequests.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('page', guard);
    return context;
  };

  const newPage = async (viewport: { width: number; height: number }) => {
    const context = await newContext(viewport);
    const page = await context.newPage();
    return page;
  };

  return {
    browser,
    watch,
    newContext,
    newPage,
    close: async () => {
      await browser.close();
      rmSync(artifacts, { recursive: true, force: true });
    },
  };
}
