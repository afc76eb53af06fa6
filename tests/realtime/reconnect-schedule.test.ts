import { describe, expect, it } from 'vitest';
import { RECONNECT, reconnectDelay } from '../../web/src/lib/reconnect-schedule.js';

const fixed = (r: number) => () => r;
const lcg = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('the shared client reconnect schedule', () => {
  it('retries fast the first time: within the first window, never below the floor', () => {
    expect(reconnectDelay(0, fixed(0))).toBe(RECONNECT.floorMs);
    expect(reconnectDelay(0, fixed(1))).toBe(RECONNECT.firstMs);
    for (let i = 0; i < 100; i++) {
      const d = reconnectDelay(0, Math.random);
      expect(d).toBeGreaterThanOrEqual(RECONNECT.floorMs);
      expect(d).toBeLessThanOrEqual(RECONNECT.firstMs);
    }
  });

  it('widens its window by doubling, up to the cap and never past it', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 10, 50].map((a) => reconnectDelay(a, fixed(1)));
    expect(ceilings).toEqual([300, 600, 1200, 2400, 3000, 3000, 3000, 3000]);
    expect(reconnectDelay(1000, fixed(1))).toBe(RECONNECT.capMs);
    expect(reconnectDelay(7, fixed(0))).toBe(RECONNECT.floorMs);
  });

  it('spreads phones over the window: 5,000 first retries are not bunched in one place', () => {
    const random = lcg(42);
    const delays = Array.from({ length: 5000 }, () => reconnectDelay(3, random));
    const buckets = new Array(10).fill(0);
    const span = 2400 - RECONNECT.floorMs;
    for (const d of delays) buckets[Math.min(9, Math.floor(((d - RECONNECT.floorMs) / span) * 10))] += 1;
    // Uniform would be 500 per tenth of the window; none may hold a herd.
    for (const n of buckets) {
      expect(n).toBeGreaterThan(350);
      expect(n).toBeLessThan(650);
    }
  });

  it('follows the options a page or test passes, and a random outside [0, 1] cannot break it', () => {
    const options = { firstMs: 100, capMs: 800 };
    expect(reconnectDelay(0, fixed(1), options)).toBe(100);
    expect(reconnectDelay(9, fixed(1), options)).toBe(800);
    expect(reconnectDelay(2, fixed(2), options)).toBe(400);
    expect(reconnectDelay(2, fixed(-1), options)).toBe(100);
  });
});
