import { CapacityError } from './capacity-error.js';
import type { MatchTable, TableUse } from './types.js';

/** Which input tables a round uses and how many people sit at each. */
export interface TableLayout {
  /** Input indices of the used tables, in input order. */
  used: number[];
  /** Target size of each used table (same order as `used`). */
  sizes: number[];
}

/**
 * Hosted tables always stay open; then the largest tables (input order on ties) until everyone fits,
 * which opens as few tables as possible and leaves the most even sizes. `spread` keeps opening the
 * next largest table while every open table still gets `minPerTable` people.
 */
export function chooseLayout(
  peopleCount: number,
  tables: MatchTable[],
  hostedTables: Set<number>,
  tableUse: TableUse = { mode: 'fewest' },
): TableLayout {
  const seats = tables.reduce((sum, table) => sum + seatsOf(table), 0);
  if (peopleCount > seats) throw new CapacityError(peopleCount, seats);
  if (peopleCount === 0) return { used: [], sizes: [] };
  const chosen = [...hostedTables];
  let capacity = chosen.reduce((sum, index) => sum + seatsOf(tables[index]!), 0);
  const rest = tables
    .map((table, index) => ({ index, seats: seatsOf(table) }))
    .filter((table) => !hostedTables.has(table.index) && table.seats > 0)
    .sort((a, b) => b.seats - a.seats || a.index - b.index);
  const spreadTo =
    tableUse.mode === 'spread' ? Math.floor(peopleCount / Math.max(2, tableUse.minPerTable)) : 0;
  for (const table of rest) {
    if (capacity >= peopleCount && chosen.length >= spreadTo) break;
    chosen.push(table.index);
    capacity += table.seats;
  }
  const used = chosen.sort((a, b) => a - b);
  return {
    used,
    sizes: waterFill(
      peopleCount,
      used.map((index) => seatsOf(tables[index]!)),
    ),
  };
}

/** Whole, non-negative seats; anything else counts as a table without seats. */
export function seatsOf(table: MatchTable): number {
  return Number.isFinite(table.seats) ? Math.max(0, Math.floor(table.seats)) : 0;
}

/** Raise every table to a common level, capped by its seats: the most even sizes the capacities allow. */
export function waterFill(peopleCount: number, capacities: number[]): number[] {
  let level = 0;
  const fillAt = (l: number) => capacities.reduce((sum, cap) => sum + Math.min(cap, l), 0);
  while (fillAt(level + 1) <= peopleCount && level < Math.max(...capacities)) level++;
  const sizes = capacities.map((cap) => Math.min(cap, level));
  let remaining = peopleCount - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < sizes.length && remaining > 0; i++) {
    if (sizes[i]! < capacities[i]!) {
      sizes[i]!++;
      remaining--;
    }
  }
  return sizes;
}
