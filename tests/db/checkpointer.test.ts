import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/db/checkpointer.js';
import { openDatabase } from '../../src/db/open.js';
import { until } from '../helpers/until.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tischwechsel-checkpoint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('checkpoints off the request path', () => {
  it('commits leave the checkpoint to the thread: the database file takes the data without the server checkpointing', async () => {
    const path = join(dir, 'c.sqlite');
    const db = openDatabase(path);
    const sqlite = db.$client;
    sqlite.exec('create table filler (x text)');
    const insert = sqlite.prepare('insert into filler values (?)');
    // Far below the backstop: the server's own connection never checkpoints this.
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(4000));
    const before = statSync(path).size;
    const checkpoints = startCheckpointer(path, 20);
    try {
      await until(() => statSync(path).size > before + 200 * 4000, 'the WAL folded into the file');
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);
    } finally {
      await checkpoints.stop();
      sqlite.close();
    }
  });

  it('stops cleanly, so the server can fold the WAL back and close', async () => {
    const path = join(dir, 'd.sqlite');
    const db = openDatabase(path);
    const checkpoints = startCheckpointer(path, 20);
    await checkpoints.stop();
    expect(db.$client.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    db.$client.close();
  });
});
