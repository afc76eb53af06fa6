import { getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Store } from '../db/handle.js';
import * as schema from '../db/postgres-schema/index.js';

const TABLES = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, Table));

/** The tables an event's erasure deletes from: every one but the instance's own values. */
export const ERASED_WITH_EVENT = TABLES.map((table) => getTableName(table)).filter(
  (name) => name !== 'instance',
);

/**
 * The tables a person's erasure deletes from or rewrites without them: their row and every table
 * whose rows refer to it by a key (read from the schema, so a new one is not forgotten), and the two
 * that name people without a key: a table they hosted (its host is cleared) and the stored plan (its
 * rounds list people in JSON).
 */
export const ERASED_WITH_PERSON = [
  'participants',
  ...TABLES.filter((table) =>
    getTableConfig(table).foreignKeys.some((key) => key.reference().foreignTable === schema.participants),
  ).map((table) => getTableName(table)),
  'event_tables',
  'plans',
];

/** Runs an erasure and then makes it physical, as far as the store can, before anyone is told it is done. */
export async function erasePhysically<R>(
  store: Store,
  tables: string[],
  erase: () => Promise<R>,
): Promise<R> {
  const result = await erase();
  await store.makeErasurePhysical(tables);
  return result;
}
