import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { instance } from '../db/schema/index.js';
import { newSecret } from '../security/tokens.js';
import { prepared } from './prepared.js';

function getOrCreate(db: Db, key: string): string {
  const row = prepared(db).instanceValue.get({ key });
  if (row) return row.value;
  db.insert(instance).values({ key, value: newSecret() }).onConflictDoNothing().run();
  return db.select().from(instance).where(eq(instance.key, key)).get()!.value;
}

/** Changes whenever the data is restored or wiped, so clients drop versions from another life of it. */
export const dataId = (db: Db) => getOrCreate(db, 'data_id');
/** Derives repeatable join tokens; never leaves the database. */
export const tokenKey = (db: Db) => getOrCreate(db, 'token_key');

export function renewDataId(db: Db): string {
  db.delete(instance).where(eq(instance.key, 'data_id')).run();
  return dataId(db);
}
