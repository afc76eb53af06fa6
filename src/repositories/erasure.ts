import type { Db } from '../db/open.js';

/**
 * Runs an erasure and then makes it physical before anyone is told it is done. secure_delete zeroes
 * the erased cells, but only in the pages the transaction wrote to the WAL: the main file keeps the
 * old pages until a checkpoint, and the WAL keeps every older copy of the row. A TRUNCATE checkpoint
 * writes the zeroed pages into the main file and empties the WAL, so neither holds the bytes, even
 * after a kill -9. (It waits up to busy_timeout for a reader such as a running backup.)
 */
export function erasePhysically<R>(db: Db, erase: () => R): R {
  const result = erase();
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
