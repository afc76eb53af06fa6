import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { type App, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { SqliteStore } from '../../src/db/store.js';
import { onPostgres, postgresDatabase } from './store-under-test.js';

export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
  set: (ms: number) => void;
}

export function testClock(start = Date.UTC(2026, 10, 26, 8, 0)): TestClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

export interface TestApp {
  app: App;
  dir: string;
  /** The SQLite file (unused when the project runs on PostgreSQL). */
  dbPath: string;
  clock: TestClock;
  /** Closes the app and opens a new one on the same database file: a restart. */
  restart: () => Promise<App>;
  close: () => Promise<void>;
}

export async function createTestApp(
  env: Record<string, string> = {},
  clock: TestClock = testClock(),
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-test-'));
  const dbPath = join(dir, 'test.sqlite');
  const postgres = onPostgres ? await postgresDatabase() : null;
  const config = loadConfig({
    DATABASE_PATH: dbPath,
    ...(postgres && { DATABASE_URL: postgres.url }),
    PUBLIC_URL: 'http://127.0.0.1:3999',
    LOG_LEVEL: 'silent',
    WEB_DIST: join(dir, 'no-web'),
    // Counted effort alone decides a plan's quality, so a busy machine plans as well, only slower.
    PLAN_TIME_LIMIT_MS: '600000',
    ...env,
  });
  const build = async () => {
    const app = await buildApp(config, { now: clock.now, logger: false });
    await app.ready();
    return app;
  };
  const handle: TestApp = {
    app: await build(),
    dir,
    dbPath,
    clock,
    restart: async () => {
      await handle.app.close();
      handle.app = await build();
      return handle.app;
    },
    close: async () => {
      await handle.app.close();
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** The SQLite file's own connections under a test app, for the tests that look into the file. */
export function sqliteOf(app: App): { reader: Database.Database; writer: Database.Database } {
  if (!(app.store instanceof SqliteStore)) throw new Error('This test looks into the SQLite file itself.');
  return { reader: app.store.readerConnection.$client, writer: app.store.writer.$client };
}
