import { type FileHandle, open } from 'node:fs/promises';

/** Syncs one open file's data to disk; tests stand in a slow or failing disk. */
export type Datasync = (handle: FileHandle) => Promise<void>;

/**
 * Makes what the WAL holds durable, off the event loop. With `synchronous = FULL` every COMMIT syncs
 * the WAL on the thread that answers requests and pushes to sockets (a fifth of that thread during a
 * burst of joins); with `synchronous = NORMAL` the COMMIT only writes the WAL, which a kill -9 already
 * cannot undo, and this syncs it on libuv's thread pool before the transaction is reported done, so a
 * power cut cannot undo an acknowledged write either. The sync covers every frame written before it
 * began: commits that come while one runs share the next one.
 */
export class WalSync {
  private handle: FileHandle | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    /** The WAL file; null for an in-memory database, which has none and nothing to make durable. */
    private readonly walPath: string | null,
    private readonly datasync: Datasync = (handle) => handle.datasync(),
  ) {}

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (this.walPath === null) return Promise.resolve();
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    // The sync under way may have begun before this commit's write: wait for the one after it.
    const after = this.running.catch(() => {});
    this.queued = after.then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<void> {
    const run = this.flush().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async flush(): Promise<void> {
    // Opened once the first commit has made the file; SQLite keeps it (truncates, never replaces it)
    // while any connection is open.
    this.handle ??= await open(this.walPath!, 'r+');
    await this.datasync(this.handle);
  }

  /** Waits for the syncs asked for, then lets go of the file. */
  async close(): Promise<void> {
    while (this.running || this.queued) await Promise.allSettled([this.running, this.queued]);
    await this.handle?.close();
    this.handle = null;
  }
}
