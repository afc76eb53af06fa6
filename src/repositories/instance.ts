import { eq } from 'drizzle-orm';
import type { Db } from '../db/handle.js';
import { tablesOf } from '../db/handle.js';
import { newSecret } from '../security/tokens.js';
import { prepared } from './prepared.js';

async function getOrCreate(db: Db, key: string): Promise<string> {
  const { instance } = tablesOf(db);
  const [row] = await prepared(db).instanceValue.execute({ key });
  if (row) return row.value;
  // Two replicas starting together: the first insert wins, and both read the one it left.
  await db.insert(instance).values({ key, value: newSecret() }).onConflictDoNothing();
  const [made] = await db.select().from(instance).where(eq(instance.key, key));
  return made!.value;
}

/** Changes whenever the data is restored or wiped, so clients drop versions from another life of it. */
export const dataId = (db: Db) => getOrCreate(db, 'data_id');
/** Derives repeatable join tokens; never leaves the database. */
export const tokenKey = (db: Db) => getOrCreate(db, 'token_key');

export async function renewDataId(db: Db): Promise<string> {
  const { instance } = tablesOf(db);
  await db.delete(instance).where(eq(instance.key, 'data_id'));
  return dataId(db);
}
