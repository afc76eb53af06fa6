import type { Db } from '../db/open.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries take either the handle or an open transaction, so commands can compose them. */
export type DbLike = Db | Tx;

/**
 * The connection a handle or a transaction (savepoints included) runs on. SQLite has one per file
 * here, so the handle and every transaction on it share the session object drizzle keeps internally.
 */
export function connectionOf(db: DbLike): object {
  const session = (db as unknown as { session?: object }).session;
  if (!session) throw new Error('A database handle without a session: drizzle changed its internals.');
  return session;
}
