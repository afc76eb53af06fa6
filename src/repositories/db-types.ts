import type { Db } from '../db/open.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries take either the handle or an open transaction, so commands can compose them. */
export type DbLike = Db | Tx;
