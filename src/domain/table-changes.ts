import type { TableFeature } from '../db/schema/constants.js';
import type { EventTableRow } from '../db/schema/index.js';
import { conflict, unprocessable } from '../errors.js';
import type { NewProfile } from './inputs.js';

export interface TableFields {
  position: number;
  label: string;
  seats: number;
  topic: string | null;
  features: TableFeature[];
}

export interface TableChanges {
  updates: (TableFields & { id: number })[];
  inserts: (TableFields & { host: NewProfile | null })[];
  removals: number[];
}

/**
 * How a moderator's new table layout maps onto the tables that exist. Tables earlier rounds used keep
 * their rows (the history points at them) and cannot be removed. A list names existing tables by `id`
 * (then any table may be renamed, moved or removed); a list without ids is matched by position;
 * `count × seats` keeps labels and topics, changes seats, and adds or removes tables at the end.
 */
export function planTableChanges(
  existing: EventTableRow[],
  used: Set<number>,
  input: { count: number; seats: number } | Spec[],
): TableChanges {
  const specs = Array.isArray(input) ? input : countSpecs(existing, input);
  const byId = specs.some((s) => s.id !== undefined);
  const kept = new Map<number, number>();
  const updates: TableChanges['updates'] = [];
  const inserts: TableChanges['inserts'] = [];
  specs.forEach((spec, position) => {
    const id = byId ? spec.id : existing[position]?.id;
    const fields = {
      position,
      label: spec.label,
      seats: spec.seats,
      topic: spec.topic,
      features: spec.features ?? [],
    };
    if (id === undefined) {
      inserts.push({ ...fields, host: spec.host ?? null });
      return;
    }
    if (!existing.some((t) => t.id === id)) {
      throw unprocessable('unknown_table', `Table ${id} is not a table of this event.`, [
        { field: 'tables', message: 'unknown id' },
      ]);
    }
    if (kept.has(id)) {
      throw unprocessable('duplicate_table', `Table ${id} is listed twice.`, [
        { field: 'tables', message: 'id listed twice' },
      ]);
    }
    kept.set(id, position);
    updates.push({ id, ...fields });
  });
  const removals = existing.filter((t) => !kept.has(t.id)).map((t) => t.id);
  const inUse = existing.filter((t) => removals.includes(t.id) && used.has(t.id));
  if (inUse.length > 0) {
    throw conflict(
      'table_in_use',
      `Table ${inUse[0]!.label} was used in an earlier round and cannot be removed; rename it or add tables instead.`,
      { tables: inUse.map((t) => t.id) },
    );
  }
  return { updates, inserts, removals };
}

type Spec = {
  id?: number;
  label: string;
  seats: number;
  topic: string | null;
  features?: TableFeature[];
  host?: NewProfile | null;
};

function countSpecs(existing: EventTableRow[], input: { count: number; seats: number }): Spec[] {
  const labels = new Set(existing.map((t) => t.label));
  let next = 1;
  const freshLabel = () => {
    while (labels.has(String(next))) next += 1;
    labels.add(String(next));
    return String(next);
  };
  return Array.from({ length: input.count }, (_, i) => {
    const table = existing[i];
    return table
      ? { label: table.label, seats: input.seats, topic: table.topic, features: table.features }
      : { label: freshLabel(), seats: input.seats, topic: null, features: [] };
  });
}
