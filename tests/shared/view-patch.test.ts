import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moderatorViewLists } from '../../src/domain/views.js';
import { applyViewPatch, diffView } from '../../src/shared/view-patch.js';

const person = fc.record({
  id: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'),
  displayName: fc.constantFrom('Ada', 'Bo', 'Cem'),
  tableId: fc.option(fc.integer({ min: 1, max: 4 })),
});
const table = fc.record({
  tableId: fc.integer({ min: 1, max: 5 }),
  people: fc.array(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { maxLength: 3 }),
});
const round = fc.record({
  number: fc.integer({ min: 1, max: 4 }),
  seating: fc.uniqueArray(table, { selector: (t) => t.tableId, maxLength: 5 }),
});
/** A console-like view: people and seatings diffed by key, the rest set whole. */
const view = fc.record({
  event: fc.record({ version: fc.nat(3), title: fc.constantFrom('A', 'B') }),
  participants: fc.uniqueArray(person, { selector: (p) => p.id, maxLength: 6 }),
  rounds: fc.uniqueArray(fc.record({ number: fc.integer({ min: 1, max: 4 }), seated: fc.nat(5) }), {
    selector: (r) => r.number,
    maxLength: 4,
  }),
  seatings: fc.uniqueArray(round, { selector: (r) => r.number, maxLength: 4 }),
  metrics: fc.option(fc.record({ repeats: fc.nat(3) })),
});

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('view patches', () => {
  it('applied to the view they were made from, give exactly the view after', () => {
    fc.assert(
      fc.property(view, view, (before, after) => {
        const patch = diffView(before, after, moderatorViewLists);
        const applied = applyViewPatch(copy(before), copy(patch));
        expect(JSON.stringify(applied)).toBe(JSON.stringify(after));
      }),
      { numRuns: 500 },
    );
  });

  it('send one table of a live round where one person sat down, however many tables it has', () => {
    const tables = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ tableId: i + 1, people: [`a${i}`, `b${i}`] }));
    const sizes = [10, 1000].map((n) => {
      const before = { seatings: [{ number: 1, seating: tables(n) }] };
      const after = copy(before);
      after.seatings[0]!.seating[n / 2]!.people.push('late');
      const patch = diffView(before, after, moderatorViewLists);
      expect(patch).toEqual({
        set: {},
        lists: {
          seatings: {
            key: 'number',
            upsert: [],
            edit: [
              {
                key: 1,
                patch: {
                  set: {},
                  lists: {
                    seating: {
                      key: 'tableId',
                      upsert: [{ tableId: n / 2 + 1, people: [`a${n / 2}`, `b${n / 2}`, 'late'] }],
                      remove: [],
                    },
                  },
                },
              },
            ],
            remove: [],
          },
        },
      });
      return JSON.stringify(patch).length;
    });
    expect(sizes[1]! - sizes[0]!).toBeLessThan(10);
  });

  it('say where new items go only when not at the end, and every key only when items moved', () => {
    const before = { participants: [{ id: 'b' }, { id: 'c' }, { id: 'e' }] };
    const patch = (ids: string[]) =>
      diffView(before, { participants: ids.map((id) => ({ id })) }, moderatorViewLists).lists!.participants!;
    const atEnd = patch(['b', 'c', 'e', 'f']);
    expect([atEnd.insert, atEnd.order]).toEqual([undefined, undefined]);
    const between = patch(['a', 'b', 'c', 'd', 'd2', 'e']);
    expect(between.insert).toEqual([
      { key: 'a', after: null },
      { key: 'd', after: 'c' },
      { key: 'd2', after: 'd' },
    ]);
    expect(between.order).toBeUndefined();
    const moved = patch(['c', 'b', 'e']);
    expect([moved.insert, moved.order]).toEqual([undefined, ['c', 'b', 'e']]);
    for (const ids of [
      ['a', 'b', 'c', 'd', 'd2', 'e'],
      ['c', 'b', 'e'],
    ])
      expect(applyViewPatch(before, { set: {}, lists: { participants: patch(ids) } }).participants).toEqual(
        ids.map((id) => ({ id })),
      );
  });

  it('set a list whole where it is not one the shape can key (an item without its key)', () => {
    const before = { participants: [{ id: 'a' }] };
    const after = { participants: [{ name: 'no id' }] };
    const patch = diffView(before, after, moderatorViewLists);
    expect(patch).toEqual({ set: { participants: [{ name: 'no id' }] } });
    expect(applyViewPatch(before, patch)).toEqual(after);
  });
});
