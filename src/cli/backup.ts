import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from '../config.js';
import { ownerOnlyDatabaseFile } from '../db/file-modes.js';
import { handleOn } from '../db/open.js';
import { asServiceHandle } from '../db/store.js';
import { renewDataId } from '../repositories/instance.js';

/** Bad input: one line on stderr and exit code 2, as for the plan command. */
class UsageError extends Error {}

function checkTarget(file: string | undefined): string {
  if (!file || file.startsWith('-'))
    throw new UsageError('usage: npm run backup -- FILE (FILE must not exist)');
  const target = resolve(file);
  if (existsSync(target)) throw new UsageError(`backup: ${file} already exists; choose a new file name`);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`backup: folder ${dir} does not exist`);
  }
  return target;
}

/**
 * Copies the live database page by page while the server keeps writing (SQLite online backup), then
 * gives the copy its own data id: clients of a restored copy drop the versions they hold.
 */
export async function backup(source: string, target: string): Promise<void> {
  if (!existsSync(source)) throw new UsageError(`backup: database ${source} does not exist`);
  // Not read-only: a read-only handle cannot open a WAL database whose -shm file is missing.
  const live = new Database(source, { fileMustExist: true });
  try {
    // The copy holds personal data: created owner-only before the first page is written.
    ownerOnlyDatabaseFile(target);
    await live.backup(target);
  } catch (error) {
    rmSync(target, { force: true });
    throw new UsageError(`backup: cannot write ${target}: ${(error as Error).message}`);
  } finally {
    live.close();
  }
  const copy = new Database(target);
  try {
    await renewDataId(asServiceHandle(handleOn(copy)));
    // The copy is one self-contained file: no WAL beside it.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

async function main(): Promise<void> {
  const target = checkTarget(process.argv[2]);
  const config = loadConfig();
  if (config.DATABASE_URL)
    throw new UsageError(
      "backup: the data is in PostgreSQL (DATABASE_URL): back it up with its own tools (pg_dump, or the managed service's backups)",
    );
  await backup(resolve(config.DATABASE_PATH), target);
  console.log(`backup written to ${target}`);
}

main().catch((error) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
