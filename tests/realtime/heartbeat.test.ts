import { describe, expect, it } from 'vitest';
import { type Beating, HEARTBEAT_SLOTS, Heartbeat, nextBeatSlot } from '../../src/realtime/heartbeat.js';

function socket(subscribed = true) {
  const seen = { pings: 0, heartbeats: 0, terminated: false };
  const beating: Beating & { seen: typeof seen } = {
    alive: true,
    beatSlot: nextBeatSlot(),
    subscribed,
    seen,
    ping: () => {
      seen.pings++;
    },
    heartbeat: () => {
      seen.heartbeats++;
    },
    terminate: () => {
      seen.terminated = true;
    },
  };
  return beating;
}

describe('the heartbeat, spread over the interval', () => {
  it('pings each socket once per interval, a share of them per tick', () => {
    const sockets = Array.from({ length: 5000 }, () => socket());
    const heartbeat = new Heartbeat(sockets);
    const perTick: number[] = [];
    for (let tick = 0; tick < HEARTBEAT_SLOTS; tick++) {
      const before = sockets.reduce((n, s) => n + s.seen.pings, 0);
      heartbeat.tick();
      perTick.push(sockets.reduce((n, s) => n + s.seen.pings, 0) - before);
      for (const s of sockets) s.alive = true; // every pong came
    }
    expect(sockets.every((s) => s.seen.pings === 1 && s.seen.heartbeats === 1)).toBe(true);
    // No tick beats more than its share: the 0.4 s sweep of 5,000 sockets is now 25 of 16 ms.
    expect(Math.max(...perTick)).toBe(5000 / HEARTBEAT_SLOTS);
  });

  it('cuts off a socket that did not answer its last ping by its next beat, and no other', () => {
    const sockets = Array.from({ length: 60 }, () => socket());
    const heartbeat = new Heartbeat(sockets);
    const silent = sockets[7]!;
    for (let tick = 0; tick < HEARTBEAT_SLOTS; tick++) heartbeat.tick();
    for (const s of sockets) if (s !== silent) s.alive = true;
    for (let tick = 0; tick < HEARTBEAT_SLOTS; tick++) heartbeat.tick();
    expect(silent.seen.terminated).toBe(true);
    expect(silent.seen.pings).toBe(1);
    expect(sockets.filter((s) => s.seen.terminated)).toEqual([silent]);
  });

  it('sends the heartbeat frame only to sockets that said hello; it pings all', () => {
    const quiet = socket(false);
    const heartbeat = new Heartbeat([quiet]);
    for (let tick = 0; tick < HEARTBEAT_SLOTS; tick++) heartbeat.tick();
    expect(quiet.seen).toEqual({ pings: 1, heartbeats: 0, terminated: false });
  });
});
