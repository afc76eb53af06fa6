/** Why a database file could not be opened, in the operator's words (one line, no stack). */
export function databaseOpenProblem(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'SQLITE_NOTADB':
      return 'is not a SQLite database (another file at that path?)';
    case 'SQLITE_READONLY':
      return 'is read-only: the service must be able to write it';
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
      return 'cannot be opened for writing (the file and its folder must be writable: -wal and -shm are created beside it)';
    case 'EACCES':
    case 'EPERM':
      return 'no permission to create or change it (the file and its folder must be writable by the service)';
    case 'ENOENT':
      return 'its folder does not exist and cannot be created there';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a part of its folder path is a file, not a folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EROFS':
      return 'is on a read-only file system';
    default:
      return e.message ?? String(error);
  }
}
