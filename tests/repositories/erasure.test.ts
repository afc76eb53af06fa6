import { getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/db/postgres-schema/index.js';
import { ERASURE_CHECKPOINT_MS, truncateWal } from '../../src/db/wal.js';
import { ERASED_WITH_PERSON } from '../../src/repositories/erasure.js';

const busy = { busy: 1, log: 12, checkpointed: 4 };
const done = { busy: 0, log: 0, checkpointed: 0 };

/** A connection whose TRUNCATE checkpoints answer in turn with the outcomes given. */
function connection(outcomes: object[]) {
  const asked: string[] = [];
  return {
    asked,
    pragma(source: string) {
      asked.push(source);
      return [outcomes[Math.min(asked.length, outcomes.length) - 1]];
    },
  };
}

describe('the WAL is emptied before an erasure answers', () => {
  it('asks again while another connection holds the checkpoint (busy), until it is emptied', () => {
    const db = connection([busy, busy, done]);
    const pauses: number[] = [];
    truncateWal(
      db,
      () => 0,
      (ms) => pauses.push(ms),
    );
    expect(db.asked).toEqual(Array(3).fill('wal_checkpoint(TRUNCATE)'));
    expect(pauses).toHaveLength(2);
  });

  it('asks once when nothing is in the way', () => {
    const db = connection([done]);
    truncateWal(
      db,
      () => 0,
      () => {},
    );
    expect(db.asked).toHaveLength(1);
  });

  it('gives up with an error, not a false promise, when the database stays busy', () => {
    const db = connection([busy]);
    let clock = 0;
    expect(() =>
      truncateWal(
        db,
        () => clock,
        (ms) => {
          clock += ms * 1000;
        },
      ),
    ).toThrow(/WAL was not emptied/);
    expect(db.asked.length).toBeGreaterThan(1);
    expect(clock).toBeGreaterThanOrEqual(ERASURE_CHECKPOINT_MS);
  });
});

describe("the tables a person's erasure makes physical", () => {
  it('include every table with a column that names a person, by key or not', () => {
    const naming = (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, Table))
      .filter((table) =>
        getTableConfig(table).columns.some((column) => /participant|marked_?by|^other$/i.test(column.name)),
      )
      .map((table) => getTableName(table));
    expect(naming.length).toBeGreaterThan(4);
    expect(naming.filter((name) => !ERASED_WITH_PERSON.includes(name))).toEqual([]);
  });
});
