import type { WebSocket } from 'ws';
import { type Beating, nextBeatSlot } from './heartbeat.js';
import { CLOSE, type Role, type ServerMessage } from './messages.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Past this much unsent data the client is not reading: drop it, it resyncs when it comes back. */
export const MAX_BUFFERED_BYTES = 512 * 1024;

const BUCKET_SIZE = 20;
const REFILL_PER_SECOND = 2;

export interface Subscription {
  role: Role;
  eventId: string;
  participantId: string | null;
}

/** One socket after (or before) its hello: who it is, what it last got, and its message allowance. */
export class Connection implements Beating {
  subscription: Subscription | null = null;
  lastEtag: string | null = null;
  /** The event version of the last view sent; an older fan-out still under way must not overwrite it. */
  version = -1;
  alive = true;
  readonly beatSlot = nextBeatSlot();
  private tokens = BUCKET_SIZE;
  private refilledAt = Date.now();

  constructor(
    readonly socket: WebSocket,
    private readonly now: () => number,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  get subscribed(): boolean {
    return this.subscription !== null;
  }

  ping(): void {
    this.socket.ping();
  }

  heartbeat(): void {
    this.send({ type: 'heartbeat' });
  }

  terminate(): void {
    this.socket.terminate();
  }

  /** Sends unless the client has stopped reading; then it is cut off so it cannot slow anyone else. */
  send(message: DistributiveOmit<ServerMessage, 'serverTime'>): boolean {
    return this.sendFrame(JSON.stringify(message).slice(0, -1));
  }

  /** Sends a JSON object whose closing brace is left off, so the send time is stamped at the last moment. */
  sendFrame(openObject: string): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      return false;
    }
    this.socket.send(`${openObject},"serverTime":${this.now()}}`);
    return true;
  }

  /** Sends a frame many sockets share (text, stamped already); ws sends the same buffer, no copy. */
  sendShared(frame: Buffer): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      return false;
    }
    this.socket.send(frame, { binary: false });
    return true;
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  /** Token bucket per connection; false means the client is flooding. */
  takeToken(): boolean {
    const t = Date.now();
    this.tokens = Math.min(BUCKET_SIZE, this.tokens + ((t - this.refilledAt) / 1000) * REFILL_PER_SECOND);
    this.refilledAt = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  rateLimited(): void {
    this.close(CLOSE.rateLimited, 'too many messages');
  }
}
