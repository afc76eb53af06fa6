import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * How often the checkpoint thread looks for new commits. A passive checkpoint never blocks a writer,
 * so it can run this often; the WAL then stays small without any commit paying for a checkpoint.
 */
export const CHECKPOINT_EVERY_MS = 500;

// Plain JavaScript, so the same thread runs from the compiled server and from source.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('synchronous = FULL');
let seen = -1;
const timer = setInterval(() => {
  try {
    // data_version changes only when another connection (the server's) committed.
    const version = db.pragma('data_version', { simple: true });
    if (version === seen) return;
    seen = version;
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or mid-restore: the next tick tries again; the server's backstop keeps the WAL bounded.
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Folds the WAL back into the database file on a thread of its own, off the request path: the
 * server's connection only checkpoints itself past a large backstop (see openDatabase).
 */
export function startCheckpointer(path: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, driver, everyMs } });
  worker.unref();
  // A thread that cannot open the file leaves the backstop in charge; nothing else depends on it.
  worker.on('error', () => {});
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (worker.threadId === -1) return resolve();
        const done = () => resolve();
        worker.once('exit', done);
        worker.once('message', () => void worker.terminate());
        worker.postMessage('close');
      }),
  };
}
