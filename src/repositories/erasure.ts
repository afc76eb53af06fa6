import type { SqliteStore } from '../db/store.js';

/** How long an erasure keeps asking for the checkpoint before it gives up on its promise. */
export const ERASURE_CHECKPOINT_MS = 10_000;
const RETRY_PAUSE_MS = 2;

type Checkpointing = { pragma(source: string): unknown };
type CheckpointResult = { busy: number; log: number; checkpointed: number };

/**
 * Runs an erasure and then makes it physical before anyone is told it is done. secure_delete zeroes
 * the erased cells, but only in the pages the transaction wrote to the WAL: the main file keeps the
 * old pages until a checkpoint, and the WAL keeps every older copy of the row. A TRUNCATE checkpoint
 * writes the zeroed pages into the main file and empties the WAL, so neither holds the bytes, even
 * after a kill -9.
 */
export async function erasePhysically<R>(store: SqliteStore, erase: () => Promise<R>): Promise<R> {
  const result = await erase();
  await store.exclusive((writer) => truncateWal(writer.$client));
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
