import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Facts about this database itself: `dataId` changes whenever the data is restored or wiped, so
 * clients holding versions from another life of the data reset; `tokenKey` derives repeatable join tokens.
 */
export const instance = sqliteTable('instance', {
  key: text().primaryKey(),
  value: text().notNull(),
});
