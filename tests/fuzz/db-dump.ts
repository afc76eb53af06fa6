import type Database from 'better-sqlite3';

/** Every row of every table, in rowid order: equal dumps mean a request changed nothing. */
export function dumpDatabase(sqlite: Database.Database): string {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) dump[name] = sqlite.prepare(`select * from "${name}" order by rowid`).all();
  return JSON.stringify(dump);
}
