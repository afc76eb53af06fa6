/**
 * Emptying the WAL after an erasure: a store's part of making it physical (SqliteStore). Apart from
 * the store so that its retries can be tested with a clock of their own.
 */
/** How long an erasure keeps asking for the checkpoint before it gives up on its promise. */
export const ERASURE_CHECKPOINT_MS = 10_000;
const RETRY_PAUSE_MS = 2;

type Checkpointing = { pragma(source: string): unknown };
type CheckpointResult = { busy: number; log: number; checkpointed: number };

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
