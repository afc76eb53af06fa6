import { PING_INTERVAL_MS } from './messages.js';

/**
 * Each socket's beat falls in one of this many slots of the interval, one slot per tick: at 5,000
 * sockets a sweep of all of them at once held the event loop for 0.4 s every 25 s, and a round start
 * that met it reached the phones that much later.
 */
export const HEARTBEAT_SLOTS = 25;

/** What a beat needs of a connection. */
export interface Beating {
  /** A pong came since the last beat. */
  alive: boolean;
  readonly beatSlot: number;
  /** Subscribed (said hello): the client also gets a `heartbeat` frame with the server time. */
  readonly subscribed: boolean;
  ping(): void;
  heartbeat(): void;
  terminate(): void;
}

let slotsGiven = 0;
/** The slot of the next connection: round robin, so every slot holds about as many. */
export function nextBeatSlot(): number {
  slotsGiven = (slotsGiven + 1) % HEARTBEAT_SLOTS;
  return slotsGiven;
}

/**
 * Pings every socket once per PING_INTERVAL_MS (and sends subscribed ones a heartbeat frame), a
 * slot per tick; a socket that did not answer its last ping by its next beat is cut off.
 */
export class Heartbeat {
  private slot = 0;

  constructor(private readonly connections: Iterable<Beating>) {}

  tick(): void {
    const slot = this.slot;
    this.slot = (slot + 1) % HEARTBEAT_SLOTS;
    for (const connection of this.connections) {
      if (connection.beatSlot !== slot) continue;
      if (!connection.alive) {
        connection.terminate();
        continue;
      }
      connection.alive = false;
      connection.ping();
      if (connection.subscribed) connection.heartbeat();
    }
  }

  /** Ticks until stopped; the timer does not keep the process alive. */
  start(intervalMs = PING_INTERVAL_MS): { stop(): void } {
    const timer = setInterval(() => this.tick(), intervalMs / HEARTBEAT_SLOTS);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }
}
