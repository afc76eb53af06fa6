import type { Subscription } from './connection.js';

/**
 * Sockets one secret may hold open at once. A phone needs one (a second tab, a reload overlapping the
 * old socket); a room has a few projectors and console laptops. Past these, nobody is reading anyway.
 */
export const SOCKETS_PER_SECRET = { participant: 4, screen: 20, moderator: 20 } as const;

/** Open sockets per key (an address, or a secret), so that a cap can refuse the next one. */
export class SocketCounter {
  private readonly counts = new Map<string, number>();

  has(key: string, max: number): boolean {
    return (this.counts.get(key) ?? 0) < max;
  }

  /** Counts a socket in; false (and nothing counted) when the key is at its cap. */
  take(key: string, max: number): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n >= max) return false;
    this.counts.set(key, n + 1);
    return true;
  }

  release(key: string): void {
    const n = (this.counts.get(key) ?? 0) - 1;
    if (n > 0) this.counts.set(key, n);
    else this.counts.delete(key);
  }
}

/** The key of the secret a hello used: one participant, or one event's screen or moderator secret. */
export const secretKey = (s: Subscription): string =>
  s.role === 'participant' ? `participant:${s.participantId}` : `${s.role}:${s.eventId}`;
