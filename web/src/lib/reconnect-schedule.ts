/** Defaults of the shared client: see docs/protocol.md, "Reconnecting". */
export const RECONNECT = { firstMs: 300, capMs: 3000, floorMs: 150 } as const;

export interface ReconnectOptions {
  /** The first retry comes within this (a restarted server is usually back within a second). */
  firstMs?: number;
  /** No wait is longer than this, however often the server refused. */
  capMs?: number;
  /** No wait is shorter than this, so a refusing server is not asked in a tight loop. */
  floorMs?: number;
}

/**
 * How long to wait before reconnect attempt `attempt` (0 = the first after losing the socket).
 * The first retry is fast but spread over a window, later ones double up to the cap with full
 * jitter: thousands of phones that lost the same server come back spread over the window, never
 * in the same millisecond, and none waits longer than the cap.
 */
export function reconnectDelay(
  attempt: number,
  random: () => number,
  options: ReconnectOptions = {},
): number {
  const firstMs = options.firstMs ?? RECONNECT.firstMs;
  const capMs = Math.max(firstMs, options.capMs ?? RECONNECT.capMs);
  const floorMs = Math.min(firstMs, options.floorMs ?? RECONNECT.floorMs);
  const r = Math.min(1, Math.max(0, random()));
  if (attempt <= 0) return floorMs + r * (firstMs - floorMs);
  const ceiling = Math.min(capMs, firstMs * 2 ** attempt);
  return floorMs + r * (ceiling - floorMs);
}
