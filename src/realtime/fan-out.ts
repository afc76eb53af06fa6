import type { AudienceViews } from './audience.js';
import type { Connection } from './connection.js';
import type { FrameBatch } from './frames.js';

/** Sockets served per turn of the event loop during a fan-out: requests and pings get in between. */
export const SOCKETS_PER_TURN = 250;

type Push = (connection: Connection, views: AudienceViews, batch: FrameBatch) => void;

interface Running {
  /** Whether it was to reach every socket, or only the moderators (only the plan changed). */
  all: boolean;
}

/** The sockets of one fan-out: phones first, then the shared views, each built in a turn of its own. */
export interface FanOutTargets {
  phones: Connection[];
  others: Connection[];
  /**
   * Builds the shared views (screen, moderator, its patch) one per turn before the others are sent:
   * each is the biggest piece of work of a push, and together they would hold the loop for all.
   */
  warmups: (() => void)[];
}

/**
 * Sends one committed state to an event's sockets a slice per turn, phones first, the big screen and
 * moderator views last: no turn holds the loop for the whole room, and the phones wait for nobody.
 */
export class FanOuts {
  private readonly running = new Map<string, Running>();

  constructor(private readonly onError: (error: unknown, eventId: string) => void) {}

  /** A newer fan-out stops the one under way, so it must reach everyone that one was to reach. */
  reachesAll(eventId: string, all: boolean): boolean {
    return all || this.running.get(eventId)?.all === true;
  }

  start(
    eventId: string,
    all: boolean,
    targets: FanOutTargets,
    views: AudienceViews,
    batch: FrameBatch,
    push: Push,
  ) {
    const token: Running = { all };
    this.running.set(eventId, token);
    const sockets = [...targets.phones, ...targets.others];
    const boundary = targets.phones.length;
    const warmups = [...targets.warmups];
    const turn = (from: number): void => {
      if (this.running.get(eventId) !== token) return;
      try {
        let end: number;
        if (from === boundary && warmups.length > 0 && from < sockets.length) {
          warmups.shift()!();
          end = from;
        } else {
          const limit = from < boundary ? boundary : sockets.length;
          end = Math.min(limit, from + SOCKETS_PER_TURN);
          for (let i = from; i < end; i++) {
            const connection = sockets[i]!;
            // Said hello (or got a newer push) since this fan-out began: it holds a newer view already.
            if (connection.version > views.version) continue;
            push(connection, views, batch);
          }
        }
        if (end < sockets.length) setImmediate(() => turn(end));
        else this.running.delete(eventId);
      } catch (error) {
        this.running.delete(eventId);
        this.onError(error, eventId);
      }
    };
    turn(0);
  }

  stop(eventId: string): void {
    this.running.delete(eventId);
  }
}
