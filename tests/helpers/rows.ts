import pg from 'pg';
import type { App } from '../../src/app.js';
import { PostgresStore } from '../../src/db/postgres-store.js';
import { SqliteStore } from '../../src/db/store.js';

/** count(*) and other 64-bit integers as numbers, as SQLite gives them (test counts stay small). */
const NUMBERS: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as never,
};

/**
 * Rows of one query on the app's own database, whichever store it runs on: for the tests that look at
 * what is stored rather than at what the API answers. `?` marks a parameter in both dialects.
 */
export async function rows<T = Record<string, unknown>>(
  app: App,
  sql: string,
  ...params: unknown[]
): Promise<T[]> {
  if (app.store instanceof SqliteStore)
    return app.store.readerConnection.$client.prepare(sql).all(...params) as T[];
  if (!(app.store instanceof PostgresStore)) throw new Error('A store this helper does not know.');
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  return (await app.store.reader.$client.query({ text, values: params, types: NUMBERS })).rows as T[];
}

/** The first row of a query, or undefined. */
export async function row<T = Record<string, unknown>>(
  app: App,
  sql: string,
  ...params: unknown[]
): Promise<T | undefined> {
  return (await rows<T>(app, sql, ...params))[0];
}

/** The number a `select count(*) as n …` answers. */
export async function count(app: App, sql: string, ...params: unknown[]): Promise<number> {
  return (await row<{ n: number }>(app, sql, ...params))!.n;
}

/** The app's tables, migrations' own bookkeeping left out. */
async function tableNames(app: App): Promise<string[]> {
  const names =
    app.store instanceof SqliteStore
      ? await rows<{ name: string }>(
          app,
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
        )
      : await rows<{ name: string }>(
          app,
          'select table_name as name from information_schema.tables where table_schema = current_schema()',
        );
  return names.map((t) => t.name).sort();
}

/** Every row of every table, each table's rows sorted: equal dumps mean a request changed nothing. */
export async function dumpDatabase(app: App): Promise<string> {
  const dump: Record<string, string[]> = {};
  for (const name of await tableNames(app)) {
    dump[name] = (await rows(app, `select * from "${name}"`)).map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(dump);
}

/** The column names of one table, on either store. */
export async function columnsOf(app: App, table: string): Promise<string[]> {
  const columns =
    app.store instanceof SqliteStore
      ? await rows<{ name: string }>(app, `select name from pragma_table_info('${table}')`)
      : await rows<{ name: string }>(
          app,
          'select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ?',
          table,
        );
  return columns.map((c) => c.name);
}
