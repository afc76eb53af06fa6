import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInstance } from '../../src/matching/instance.js';
import { DEFAULT_WEIGHTS } from '../../src/matching/objective.js';
import { createPairCounts } from '../../src/matching/pair-counts.js';
import { createPrng } from '../../src/matching/prng.js';
import { RoundState } from '../../src/matching/round-state.js';
import { roomArbitrary } from './fixtures.js';

describe('RoundState swap pricing', () => {
  it('prices every swap exactly as re-scoring the room would', () => {
    fc.assert(
      fc.property(roomArbitrary, fc.integer(), ({ people, tables }, seed) => {
        const instance = buildInstance(
          people,
          tables.map((t) => ({ ...t, hostId: null })),
        );
        const n = instance.people.length;
        if (instance.layout.used.length < 2) return;
        const prng = createPrng(seed);
        const counts = createPairCounts(n);
        for (let k = 0; k < n; k++) {
          const a = prng.int(n);
          const b = prng.int(n);
          if (a !== b && counts.get(a, b) < 2) counts.add(a, b, 1);
        }
        let next = 0;
        const seating = instance.layout.sizes.map((size) => Array.from({ length: size }, () => next++));
        const state = new RoundState(instance, counts, DEFAULT_WEIGHTS, seating);
        for (let move = 0; move < 20; move++) {
          const p = prng.int(n);
          const q = prng.int(n);
          if (state.tableOf[p] === state.tableOf[q]) continue;
          const before = state.totalCost();
          const delta = state.swapDelta(p, q);
          state.swap(p, q);
          const fresh = new RoundState(instance, counts, DEFAULT_WEIGHTS, state.seating()).totalCost();
          expect(state.totalCost()).toBeCloseTo(before + delta, 6);
          expect(fresh).toBeCloseTo(state.totalCost(), 6);
        }
      }),
      { numRuns: 80 },
    );
  });
});
