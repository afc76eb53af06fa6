import { describe, expect, it } from 'vitest';
import { KeptReads } from '../../src/repositories/kept-reads.js';

describe('KeptReads, taken by a writer', () => {
  it('hands over what is kept at the stamp once, and keeps nothing for the key after, whatever the stamp', () => {
    const kept = new KeptReads<{ n: number }>(2, () => '');
    const value = { n: 1 };
    kept.keep('event', '5', value);
    expect(kept.take('event', '5')).toBe(value);
    expect(kept.take('event', '5')).toBeUndefined();
    kept.keep('event', '5', value);
    expect(kept.take('event', '6')).toBeUndefined();
    expect(kept.peek('event', '5')).toBeUndefined();
  });

  it('forgets a key, and lets the longest idle key go past its limit', () => {
    const kept = new KeptReads<number>(2, () => '');
    kept.keep('a', '1', 1);
    kept.keep('b', '1', 2);
    kept.forget('a');
    expect(kept.peek('a', '1')).toBeUndefined();
    kept.keep('c', '1', 3);
    kept.keep('d', '1', 4);
    expect([kept.peek('b', '1'), kept.peek('c', '1'), kept.peek('d', '1')]).toEqual([undefined, 3, 4]);
  });
});
