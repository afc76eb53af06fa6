import { fstatSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WalSync } from '../../src/db/wal-sync.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tischwechsel-wal-sync-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A disk whose syncs finish when the test says: each call waits for its own `finish`. */
function slowDisk() {
  const calls: { finish: () => void; fail: (error: Error) => void; handle: FileHandle }[] = [];
  const datasync = (handle: FileHandle) =>
    new Promise<void>((finish, fail) => {
      calls.push({ finish, fail, handle });
    });
  return { calls, datasync };
}

/** Lets every promise callback that is ready run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function walFile(): string {
  const path = join(dir, 'db.sqlite-wal');
  writeFileSync(path, 'frames');
  return path;
}

describe('syncing the WAL off the event loop', () => {
  it('resolves only after a sync of the WAL file itself', async () => {
    const path = walFile();
    const disk = slowDisk();
    const wal = new WalSync(path, disk.datasync);
    let synced = false;
    const done = wal.sync().then(() => {
      synced = true;
    });
    while (disk.calls.length === 0) await settle();
    expect(fstatSync(disk.calls[0]!.handle.fd).ino).toBe(statSync(path).ino);
    await settle();
    expect(synced).toBe(false);
    disk.calls[0]!.finish();
    await done;
    expect(synced).toBe(true);
    await wal.close();
  });

  it('has commits made during a sync share the next one, which begins after it', async () => {
    const disk = slowDisk();
    const wal = new WalSync(walFile(), disk.datasync);
    const first = wal.sync();
    while (disk.calls.length === 0) await settle();
    // Written while the first sync runs: that sync may have missed them.
    const later = [wal.sync(), wal.sync(), wal.sync()];
    let laterDone = 0;
    for (const p of later) void p.then(() => laterDone++);
    await settle();
    expect(disk.calls).toHaveLength(1);
    disk.calls[0]!.finish();
    await first;
    while (disk.calls.length < 2) await settle();
    expect(laterDone).toBe(0);
    disk.calls[1]!.finish();
    await Promise.all(later);
    expect(disk.calls).toHaveLength(2);
    await wal.close();
  });

  it('fails the commits waiting on a sync that fails, and syncs again for the next', async () => {
    const disk = slowDisk();
    const wal = new WalSync(walFile(), disk.datasync);
    const failing = wal.sync();
    while (disk.calls.length === 0) await settle();
    disk.calls[0]!.fail(new Error('EIO: i/o error'));
    await expect(failing).rejects.toThrow('EIO');
    const next = wal.sync();
    while (disk.calls.length < 2) await settle();
    disk.calls[1]!.finish();
    await expect(next).resolves.toBeUndefined();
    await wal.close();
  });

  it('waits for the syncs asked for before it lets go of the file', async () => {
    const disk = slowDisk();
    const wal = new WalSync(walFile(), disk.datasync);
    void wal.sync();
    while (disk.calls.length === 0) await settle();
    const queued = wal.sync();
    let closed = false;
    const closing = wal.close().then(() => {
      closed = true;
    });
    await settle();
    expect(closed).toBe(false);
    disk.calls[0]!.finish();
    while (disk.calls.length < 2) await settle();
    expect(closed).toBe(false);
    disk.calls[1]!.finish();
    await queued;
    await closing;
    expect(closed).toBe(true);
  });

  it('has nothing to sync for an in-memory database', async () => {
    const disk = slowDisk();
    const wal = new WalSync(null, disk.datasync);
    await wal.sync();
    expect(disk.calls).toHaveLength(0);
    await wal.close();
  });
});
