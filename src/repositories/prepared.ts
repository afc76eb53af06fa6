import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { events, instance, participants } from '../db/schema/index.js';

const build = (db: Db) => ({
  eventByCode: db
    .select()
    .from(events)
    .where(eq(events.code, sql.placeholder('code')))
    .prepare(),
  eventVersion: db
    .select({ version: events.version })
    .from(events)
    .where(eq(events.id, sql.placeholder('id')))
    .prepare(),
  participantByTokenHash: db
    .select()
    .from(participants)
    .where(eq(participants.tokenHash, sql.placeholder('hash')))
    .prepare(),
  instanceValue: db
    .select({ value: instance.value })
    .from(instance)
    .where(eq(instance.key, sql.placeholder('key')))
    .prepare(),
});

const cache = new WeakMap<Db, ReturnType<typeof build>>();

/**
 * The lookups every request and every hello makes, compiled once per database handle: building and
 * compiling the SQL anew each time cost more than running it.
 */
export function prepared(db: Db): ReturnType<typeof build> {
  let queries = cache.get(db);
  if (!queries) {
    queries = build(db);
    cache.set(db, queries);
  }
  return queries;
}
