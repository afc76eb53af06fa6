import pg from 'pg';
import { z } from 'zod';
import { announcement, type Changes, RELAY_CHANNEL } from '../plugins/changes.js';

/** What is on the channel: an announcement and the replica that made it. */
const onChannel = z.intersection(z.object({ from: z.string() }), announcement);

/** Reconnect quickly first, then back off, with jitter so replicas do not retry in step. */
const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 2_000;

export interface RelayOptions {
  /** The database every replica shares. */
  url: string;
  /** Where the other replicas' announcements are made here; its replicaId is this replica's. */
  changes: Changes;
  /**
   * Called after the listening connection came back: announcements sent while it was gone are lost,
   * so whatever this replica pushes must be read again (versions make a repeated push harmless).
   */
  onResync: () => void;
  onError: (error: unknown) => void;
}

/**
 * Hears what the other replicas of the database committed: each transaction that changes an event
 * sends its announcement on the channel with its commit (`tellReplicas`), and what another replica
 * announced is announced here, so each replica's hub pushes to its own sockets and times its rounds.
 * Notifications carry only ids, never a view.
 */
export class ReplicaRelay {
  private listener: pg.Client | undefined;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: RelayOptions) {}

  /** Whether announcements of the other replicas reach this one now (a readiness signal). */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  /** Resolves once listening; later losses of the connection are retried in the background. */
  async start(): Promise<void> {
    await this.listen(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => {});
  }

  /** `resync`: this connection replaces a lost one, so what was announced meanwhile is missed. */
  private async listen(resync: boolean): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `tischwechsel-relay ${this.options.changes.replicaId}`.slice(0, 63),
    });
    const lost = (error?: unknown) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      if (error) this.options.onError(error);
      client.end().catch(() => {});
      this.retry();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === RELAY_CHANNEL) this.heard(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RELAY_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) {
      await client.end();
      return;
    }
    this.listener = client;
    this.retryMs = FIRST_RETRY_MS;
    if (resync) this.options.onResync();
  }

  private retry(): void {
    if (this.stopped) return;
    const delay = this.retryMs * (0.5 + Math.random());
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.listen(true).catch((error) => {
        this.options.onError(error);
        this.retry();
      });
    }, delay);
  }

  private heard(payload: string | undefined): void {
    let data: unknown;
    try {
      data = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    // Anyone with access to the database may NOTIFY: what is not an announcement is not acted on.
    const parsed = onChannel.safeParse(data);
    if (!parsed.success || parsed.data.from === this.options.changes.replicaId) return;
    const { from: _, ...a } = parsed.data;
    this.options.changes.announce(a, true);
  }
}
