import pg from 'pg';
import { z } from 'zod';
import type { ChangeSource, Changes } from '../plugins/changes.js';

/** The PostgreSQL channel every replica of one database listens on. */
export const RELAY_CHANNEL = 'tischwechsel_changes';

const announcement = z.discriminatedUnion('kind', [
  z.object({
    from: z.string(),
    kind: z.literal('changed'),
    eventId: z.string(),
    source: z.enum(['event', 'plan', 'join']),
  }),
  z.object({ from: z.string(), kind: z.enum(['erased', 'screenRevoked']), eventId: z.string() }),
]);
type Announcement = z.infer<typeof announcement>;

/** Reconnect quickly first, then back off, with jitter so replicas do not retry in step. */
const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 2_000;

export interface RelayOptions {
  /** The database every replica shares. */
  url: string;
  /** This replica's announcements: local ones go out, the other replicas' come in here. */
  changes: Changes;
  /** Unique per running process, so a replica does not hear itself. */
  replicaId: string;
  /**
   * Called after the listening connection came back: announcements sent while it was gone are lost,
   * so whatever this replica pushes must be read again (versions make a repeated push harmless).
   */
  onResync: () => void;
  onError: (error: unknown) => void;
}

/**
 * Carries "this event changed" between replicas with LISTEN/NOTIFY: what this process's Changes
 * announces goes out on the channel, and what another replica announced is announced here, so each
 * replica's hub pushes to its own sockets. Notifications carry only ids, never a view.
 */
export class ReplicaRelay {
  private listener: pg.Client | undefined;
  private readonly sender: pg.Pool;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** True while an announcement heard from another replica is re-announced here. */
  private relaying = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: RelayOptions) {
    // One connection: a replica's announcements arrive in the order it made them.
    this.sender = new pg.Pool({ connectionString: options.url, max: 1 });
    this.sender.on('error', options.onError);
    const from = options.replicaId;
    const onChanged = (eventId: string, source: ChangeSource) =>
      this.announce({ from, kind: 'changed', eventId, source });
    const onErased = (eventId: string) => this.announce({ from, kind: 'erased', eventId });
    const onRevoked = (eventId: string) => this.announce({ from, kind: 'screenRevoked', eventId });
    options.changes.on('changed', onChanged);
    options.changes.on('erased', onErased);
    options.changes.on('screenRevoked', onRevoked);
    this.unsubscribe = () => {
      options.changes.off('changed', onChanged);
      options.changes.off('erased', onErased);
      options.changes.off('screenRevoked', onRevoked);
    };
  }

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
    this.unsubscribe();
    const listener = this.listener;
    this.listener = undefined;
    await Promise.allSettled([listener?.end(), this.sender.end()]);
  }

  /** `resync`: this connection replaces a lost one, so what was announced meanwhile is missed. */
  private async listen(resync: boolean): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `tischwechsel-relay ${this.options.replicaId}`.slice(0, 63),
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

  private announce(a: Announcement): void {
    // What another replica said is announced here too, but not sent back out.
    if (this.relaying) return;
    this.sender
      .query('select pg_notify($1, $2)', [RELAY_CHANNEL, JSON.stringify(a)])
      .catch((error) => this.options.onError(error));
  }

  private heard(payload: string | undefined): void {
    let data: unknown;
    try {
      data = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    // Anyone with access to the database may NOTIFY: what is not an announcement is not acted on.
    const parsed = announcement.safeParse(data);
    if (!parsed.success || parsed.data.from === this.options.replicaId) return;
    const a = parsed.data;
    this.relaying = true;
    try {
      if (a.kind === 'changed') this.options.changes.changed(a.eventId, a.source, true);
      else if (a.kind === 'erased') this.options.changes.erased(a.eventId);
      else this.options.changes.screenRevoked(a.eventId);
    } finally {
      this.relaying = false;
    }
  }
}
