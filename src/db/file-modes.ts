import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Makes a database file readable by its owner only (0600), creating it (and a missing folder, 0700)
 * first. SQLite gives -wal, -shm and -journal the main file's mode, so they follow; side files an
 * older version left behind are tightened too. A folder that already exists is the operator's.
 */
export function ownerOnlyDatabaseFile(path: string): void {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  else if (statSync(file).isDirectory())
    throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
  // Group and others lose their bits; the owner's stay (a read-only file stays read-only and is refused).
  for (const path of [file, ...SIDE_FILES.map((s) => file + s)]) {
    if (existsSync(path)) chmodSync(path, statSync(path).mode & 0o700);
  }
}
