import { getTableName, is, Table } from 'drizzle-orm';
import type { Store } from '../db/handle.js';
import * as schema from '../db/postgres-schema/index.js';

/** The tables an event's erasure deletes from: every one but the instance's own values. */
export const ERASED_WITH_EVENT = (Object.values(schema) as unknown[])
  .filter((value): value is Table => is(value, Table))
  .map((table) => getTableName(table))
  .filter((name) => name !== 'instance');
/**
 * The tables a person's erasure deletes from (their row and what refers to it) or rewrites without
 * them (a table they hosted, the stored plan).
 */
export const ERASED_WITH_PERSON = [
  'participants',
  'assignments',
  'known_pairs',
  'feedback_given',
  'registrations',
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
