import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createEvent, join as joinEvent, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ROOT } from '../helpers/build.js';

const run = promisify(execFile);

/** Runs the compiled backup command the way `npm run backup -- FILE` does, in its own process. */
async function backupCommand(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'dist/server/backup.js'), ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let source: TestApp;
let dir: string;
beforeAll(async () => {
  source = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'tischwechsel-backup-'));
});
afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('copies a live database that restores with the same event, people, round and end time', async () => {
    const event = await createEvent(source.app);
    for (let i = 0; i < 6; i++) await joinEvent(source.app, event.code, { displayName: `Gast ${i}` });
    const started = await source.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    expect(started.statusCode).toBe(201);
    const before = await moderatorState(source.app, event);
    const oldDataId = source.app.dataId;

    // The server stays open while the backup runs: an online backup.
    const file = join(dir, 'copy.sqlite');
    const result = await backupCommand([file], { DATABASE_PATH: source.dbPath });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(file)).toBe(true);

    const restored = await createTestApp({ DATABASE_PATH: file }, source.clock);
    try {
      const after = await moderatorState(restored.app, event);
      expect(after.participants).toEqual(before.participants);
      expect(after.tables).toEqual(before.tables);
      expect(after.rounds).toEqual(before.rounds);
      expect(after.round).toEqual(before.round);
      expect(after.round.endsAt).toBe(before.round.endsAt);
      expect(after.participants.filter((p: { tableId: number | null }) => p.tableId !== null)).toHaveLength(
        6,
      );
      expect(restored.app.dataId).not.toBe(oldDataId);
    } finally {
      await restored.close();
    }
  });

  it.each([
    ['no file', [], /usage/],
    ['an existing file', ['EXISTING'], /already exists/],
    ['a missing folder', ['MISSING'], /does not exist/],
  ])('refuses %s with exit code 2 and one line', async (_name, args, message) => {
    const existing = join(dir, 'existing.sqlite');
    writeFileSync(existing, 'keep me');
    const mapped = args.map((a) =>
      a === 'EXISTING' ? existing : a === 'MISSING' ? join(dir, 'nope', 'x.sqlite') : a,
    );
    const result = await backupCommand(mapped, { DATABASE_PATH: source.dbPath });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a missing database with exit code 2', async () => {
    const result = await backupCommand([join(dir, 'x.sqlite')], { DATABASE_PATH: join(dir, 'none.sqlite') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/does not exist/);
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false);
  });
});
