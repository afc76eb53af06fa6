import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AxeSummary } from './axe.js';
import { launchBrowser } from './browser.js';
import { startServer } from './server.js';

export const SHOTS = resolve(import.meta.dirname, '../../screenshots');

export type Server = Awaited<ReturnType<typeof startServer>>;
export type Browser = Awaited<ReturnType<typeof launchBrowser>>;

export interface BrowserSuite {
  server: Server;
  browser: Browser;
  /** axe results of the suite, written to screenshots/<axeFile> at the end. */
  axe: AxeSummary[];
  shot: (page: Page, name: string, fullPage?: boolean) => Promise<Buffer>;
}

/** One built web client, one app on 127.0.0.1 and one Chromium for a describe block, closed after it. */
export function browserSuite(axeFile: string, env: Record<string, string> = {}): BrowserSuite {
  const suite = {
    axe: [] as AxeSummary[],
    shot: (page: Page, name: string, fullPage = false) =>
      page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage }),
  } as BrowserSuite;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    suite.server = await startServer(env);
    suite.browser = await launchBrowser(suite.server.url);
  });

  afterAll(async () => {
    if (suite.axe.length > 0) writeFileSync(join(SHOTS, axeFile), JSON.stringify(suite.axe, null, 2));
    await suite.browser?.close();
    await suite.server?.handle.close();
  });

  return suite;
}
