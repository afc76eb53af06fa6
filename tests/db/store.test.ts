import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { SqliteStore } from '../../src/db/store.js';
import { truncateWal } from '../../src/db/wal.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tischwechsel-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function openStore(): SqliteStore {
  const store = new SqliteStore(join(dir, 'store.sqlite'));
  store.writer.$client.exec('create table notes (n integer primary key)');
  onTestFinished(() => store.close());
  return store;
}

/** A promise the test resolves when it wants: a transaction's wait for something slow. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const notes = (store: SqliteStore) =>
  (store.readerConnection.$client.prepare('select n from notes order by n').all() as { n: number }[]).map(
    (r) => r.n,
  );
const note = (store: SqliteStore, n: number) =>
  store.writer.$client.prepare('insert into notes (n) values (?)').run(n);

describe('the SQLite store', () => {
  it('reads only what is committed while a transaction waits half done', async () => {
    const store = openStore();
    const slow = gate();
    const written = gate();
    const done = store.transaction(async () => {
      note(store, 1);
      written.open();
      await slow.opened;
      note(store, 2);
    });
    await written.opened;
    expect(notes(store)).toEqual([]);
    slow.open();
    await done;
    expect(notes(store)).toEqual([1, 2]);
  });

  it('runs transactions one at a time, in the order they were asked for', async () => {
    const store = openStore();
    const slow = gate();
    const order: string[] = [];
    const first = store.transaction(async () => {
      order.push('first begins');
      await slow.opened;
      note(store, 1);
      order.push('first ends');
    });
    const second = store.transaction(() => {
      order.push('second begins');
      // It finds what the first committed, not a snapshot from before it.
      note(store, notes(store).length + 10);
    });
    const third = store.transaction(() => {
      order.push('third begins');
    });
    await Promise.resolve();
    expect(order).toEqual(['first begins']);
    slow.open();
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins', 'third begins']);
    expect(notes(store)).toEqual([1, 11]);
  });

  it('rolls a failed transaction back whole and goes on with the next', async () => {
    const store = openStore();
    const failed = store.transaction(async () => {
      note(store, 1);
      await Promise.resolve();
      note(store, 1); // the same key again: the constraint fails
    });
    await expect(failed).rejects.toThrow(/UNIQUE/);
    expect(notes(store)).toEqual([]);
    expect(store.writer.$client.inTransaction).toBe(false);
    await store.transaction(() => note(store, 2));
    expect(notes(store)).toEqual([2]);
  });

  it('runs an exclusive step between transactions, never inside one: the WAL empties', async () => {
    const store = openStore();
    const slow = gate();
    const open = store.transaction(async () => {
      note(store, 1);
      await slow.opened;
    });
    let truncated = false;
    const truncation = store.exclusive((writer) => {
      // Inside the waiting transaction this would stay busy and give up after seconds.
      expect(writer.$client.inTransaction).toBe(false);
      truncateWal(writer.$client);
      truncated = true;
    });
    await Promise.resolve();
    expect(truncated).toBe(false);
    slow.open();
    await Promise.all([open, truncation]);
    expect(truncated).toBe(true);
    expect(store.writer.$client.pragma('wal_checkpoint(PASSIVE)')).toEqual([
      { busy: 0, log: 0, checkpointed: 0 },
    ]);
  });

  it('keeps the reads off the writing connection: the reader cannot write', () => {
    const store = openStore();
    expect(store.readerConnection).not.toBe(store.writer);
    expect(() => store.readerConnection.$client.exec('insert into notes (n) values (1)')).toThrow(/readonly/);
  });
});
