import { describe, expect, it } from 'vitest';
import type { EventTableRow } from '../../src/db/schema/index.js';
import { planTableChanges } from '../../src/domain/table-changes.js';
import type { AppError } from '../../src/errors.js';

const table = (id: number, position: number, label: string, topic: string | null = null): EventTableRow => ({
  id,
  eventId: 'e',
  position,
  label,
  seats: 4,
  topic,
  hostParticipantId: null,
  features: [],
});
const existing = [table(1, 0, 'Fenster', 'lizenzen'), table(2, 1, 'Mitte'), table(3, 2, 'Terrasse')];

describe('planTableChanges', () => {
  it('count × seats keeps labels and topics, changes seats and numbers new tables after the taken labels', () => {
    const changes = planTableChanges([table(1, 0, '1'), table(2, 1, '2'), table(3, 2, 'Bar')], new Set(), {
      count: 5,
      seats: 6,
    });
    expect(changes.updates).toEqual([
      { id: 1, position: 0, label: '1', seats: 6, topic: null, features: [] },
      { id: 2, position: 1, label: '2', seats: 6, topic: null, features: [] },
      { id: 3, position: 2, label: 'Bar', seats: 6, topic: null, features: [] },
    ]);
    expect(changes.inserts.map((t) => t.label)).toEqual(['3', '4']);
    expect(changes.removals).toEqual([]);
  });

  it('count × seats removes surplus tables from the end, unless a round used them', () => {
    expect(planTableChanges(existing, new Set([1]), { count: 2, seats: 4 }).removals).toEqual([3]);
    expect(() => planTableChanges(existing, new Set([3]), { count: 2, seats: 4 })).toThrow(/Terrasse/);
  });

  it('a list with ids renames, reorders and removes any table no round used', () => {
    const changes = planTableChanges(existing, new Set([1, 3]), [
      { id: 3, label: 'Terrasse', seats: 6, topic: null },
      { id: 1, label: 'Fensterplatz', seats: 4, topic: 'lizenzen' },
      { label: 'Neu', seats: 5, topic: null },
    ]);
    expect(changes.updates).toEqual([
      { id: 3, position: 0, label: 'Terrasse', seats: 6, topic: null, features: [] },
      { id: 1, position: 1, label: 'Fensterplatz', seats: 4, topic: 'lizenzen', features: [] },
    ]);
    expect(changes.inserts).toEqual([
      { position: 2, label: 'Neu', seats: 5, topic: null, features: [], host: null },
    ]);
    expect(changes.removals).toEqual([2]);
  });

  it('refuses to remove a used table, an unknown id and an id listed twice', () => {
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as AppError).code;
      }
      return 'accepted';
    };
    expect(
      refused(() =>
        planTableChanges(existing, new Set([2]), [
          { id: 1, label: 'A', seats: 4, topic: null },
          { id: 3, label: 'C', seats: 4, topic: null },
        ]),
      ),
    ).toBe('table_in_use');
    expect(
      refused(() => planTableChanges(existing, new Set(), [{ id: 99, label: 'A', seats: 4, topic: null }])),
    ).toBe('unknown_table');
    expect(
      refused(() =>
        planTableChanges(existing, new Set(), [
          { id: 1, label: 'A', seats: 4, topic: null },
          { id: 1, label: 'B', seats: 4, topic: null },
        ]),
      ),
    ).toBe('duplicate_table');
  });

  it('a list without ids is matched by position', () => {
    const changes = planTableChanges(existing, new Set(), [{ label: 'A', seats: 4, topic: null }]);
    expect(changes.updates).toEqual([
      { id: 1, position: 0, label: 'A', seats: 4, topic: null, features: [] },
    ]);
    expect(changes.removals).toEqual([2, 3]);
  });
});
