import { getTableName, is, Table } from 'drizzle-orm';
import type { Store } from '../db/handle.js';
import * as schema from '../db/postgres-schema/index.js';

/** How long an erasure keeps asking for the checkpoint before it gives up on its promise. */
export const ERASURE_CHECKPOINT_MS = 10_000;
const RETRY_PAUSE_MS = 2;

type Checkpointing = { pragma(source: string): unknown };
type CheckpointResult = { busy: number; log: number; checkpointed: number };

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

/**
 * A TRUNCATE checkpoint, repeated until it is not busy. It waits up to busy_timeout for readers (a
 * running backup), but answers busy at once while another connection checkpoints — the checkpoint
 * thread's passive runs, which take a while on a loaded disk — and then leaves the WAL as it was.
 */
export function truncateWal(sqlite: Checkpointing, now = Date.now, pause = sleep): void {
  const deadline = now() + ERASURE_CHECKPOINT_MS;
  for (;;) {
    const [outcome] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
    if (outcome?.busy === 0) return;
    if (now() >= deadline)
      throw new Error('The erasure is committed, but the database stayed busy: its WAL was not emptied.');
    pause(RETRY_PAUSE_MS);
  }
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(pauseCell, 0, 0, ms);
}
