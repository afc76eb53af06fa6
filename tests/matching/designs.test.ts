import { describe, expect, it } from 'vitest';
import { constructDesign } from '../../src/matching/designs.js';

const SHAPES: [groups: number, size: number][] = [
  [2, 2],
  [4, 2],
  [8, 2],
  [3, 3],
  [5, 3],
  [7, 3],
  [13, 3],
  [4, 4],
  [5, 4],
  [7, 4],
  [8, 4],
  [16, 4],
  [5, 5],
  [7, 7],
  [8, 8],
];

describe('constructive designs', () => {
  it.each(SHAPES)('%i tables of %i: every round seats everyone once, no pair meets twice', (groups, size) => {
    const design = constructDesign(groups, size);
    if (!design) return;
    const met = new Set<string>();
    for (const round of design) {
      expect(round).toHaveLength(groups);
      for (const table of round) expect(table).toHaveLength(size);
      expect(
        round
          .flat()
          .slice()
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: groups * size }, (_, i) => i));
      for (const table of round)
        for (const a of table)
          for (const b of table) {
            if (a >= b) continue;
            expect(met.has(`${a} ${b}`), `${a} and ${b} meet twice`).toBe(false);
            met.add(`${a} ${b}`);
          }
    }
  });

  it('gives the rounds the literature knows for the classic rooms', () => {
    expect(constructDesign(5, 3)).toHaveLength(7); // Kirkman's schoolgirls
    expect(constructDesign(8, 4)).toHaveLength(10); // the social golfer 8-4-10
    expect(constructDesign(4, 4)).toHaveLength(5); // the affine plane of order 4
    expect(constructDesign(7, 7)).toHaveLength(8);
  });
});
