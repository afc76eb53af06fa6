import type { Db, Tx } from '../db/handle.js';

export type { Db, Tx };
/** Queries take either a handle or an open transaction, so commands can compose them. */
export type DbLike = Db | Tx;

/**
 * The connection a handle runs on: its statements are compiled for it. Drizzle keeps one session
 * object per connection, which every query through the handle uses.
 */
export function connectionOf(db: DbLike): object {
  const session = (db as unknown as { session?: object }).session;
  if (!session) throw new Error('A database handle without a session: drizzle changed its internals.');
  return session;
}
