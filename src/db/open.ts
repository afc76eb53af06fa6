import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ConfigError } from '../config.js';
import { runtimeFile } from '../runtime-files.js';
import { ownerOnlyDatabaseFile } from './file-modes.js';
import { databaseOpenProblem } from './open-errors.js';
import * as schema from './schema/index.js';

export type SqliteDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const WAL_BACKSTOP_PAGES = 16_384;

export const MIGRATIONS_FOLDER = runtimeFile({ source: 'migrations', built: 'migrations' });

/**
 * The file itself, writable and in WAL mode; any problem with it stops the start with one line
 * naming DATABASE_PATH ("file is not a database" alone does not say which setting is wrong).
 */
function openFile(path: string): Database.Database {
  let sqlite: Database.Database | undefined;
  try {
    if (path !== ':memory:') ownerOnlyDatabaseFile(path);
    sqlite = new Database(path);
    if (sqlite.readonly) throw Object.assign(new Error('read-only'), { code: 'SQLITE_READONLY' });
    // The first real read: a file that is not a database fails here.
    sqlite.pragma('journal_mode = WAL');
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw new ConfigError(`Invalid configuration: DATABASE_PATH: ${path} ${databaseOpenProblem(error)}`);
  }
}

/** The service's drizzle handle on an open connection. */
export function handleOn(sqlite: Database.Database): SqliteDb {
  return drizzle({ client: sqlite, schema, casing: 'snake_case' }) as SqliteDb;
}

/** Opens (creating if missing) the SQLite file, sets durable pragmas and applies pending migrations. */
export function openDatabase(path: string): SqliteDb {
  const sqlite = openFile(path);
  // FULL: an acknowledged write survives a power cut or kill -9, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Erased names must not linger in free pages of the file.
  sqlite.pragma('secure_delete = ON');
  // Checkpoints run on their own thread (startCheckpointer); a commit checkpoints only past this
  // backstop (about 64 MB of WAL), so a burst of joins is never stopped by one.
  sqlite.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const db = handleOn(sqlite);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}
