import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createEvent, join as joinEvent } from '../helpers/api.js';

const run = promisify(execFile);
const mode = (path: string) => statSync(path).mode & 0o777;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tischwechsel-modes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function appOn(databasePath: string) {
  const config = loadConfig({
    DATABASE_PATH: databasePath,
    PUBLIC_URL: 'http://127.0.0.1:3999',
    LOG_LEVEL: 'silent',
    WEB_DIST: join(dir, 'no-web'),
  });
  const app = await buildApp(config, { logger: false });
  await app.ready();
  return app;
}

describe('files holding personal data are the owner’s only', () => {
  it('creates the data folder 0700 and the database, -wal and -shm 0600', async () => {
    const folder = join(dir, 'data');
    const path = join(folder, 'tischwechsel.sqlite');
    const app = await appOn(path);
    try {
      const event = await createEvent(app);
      await joinEvent(app, event.code, { displayName: 'Ada' });
      expect(mode(folder).toString(8)).toBe('700');
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(mode(file).toString(8), file).toBe('600');
      }
    } finally {
      await app.close();
    }
  });

  it('tightens a database file an older version left world-readable', async () => {
    const path = join(dir, 'old.sqlite');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const app = await appOn(path);
    try {
      await createEvent(app);
      for (const file of [path, `${path}-wal`, `${path}-shm`])
        expect(mode(file).toString(8), file).toBe('600');
    } finally {
      await app.close();
    }
  });

  it('writes backups 0600', async () => {
    const path = join(dir, 'live.sqlite');
    const app = await appOn(path);
    await createEvent(app);
    await app.close();
    const target = join(dir, 'backup.sqlite');
    await run('npx', ['tsx', 'src/cli/backup.ts', target], {
      env: { ...process.env, DATABASE_PATH: path },
      timeout: 60_000,
    });
    expect(mode(target).toString(8)).toBe('600');
  });
});
