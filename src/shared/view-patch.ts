/**
 * What changed between two versions of a view: the top-level fields that differ, and for the people
 * list only the rows that were added, changed or removed (by id). Both the server (to check a patch
 * before sending it) and the web client (to apply it) use applyViewPatch, so they cannot drift.
 */
export interface ViewPatch {
  set: Record<string, unknown>;
  /** `order` (all ids) only when new rows do not simply go at the end. */
  rows?: { field: string; upsert: { id: string }[]; remove: string[]; order?: string[] };
}

type View = Record<string, unknown>;
type Row = { id: string };

const isRowList = (value: unknown): value is Row[] =>
  Array.isArray(value) && value.every((r) => typeof (r as Row | null)?.id === 'string');

/** The patch from `before` to `after`; `rowsField` names the list diffed by id (the people). */
export function diffView(before: View, after: View, rowsField: string): ViewPatch {
  const set: Record<string, unknown> = {};
  let rows: ViewPatch['rows'];
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    const old = before[key];
    const next = after[key];
    if (key === rowsField && isRowList(old) && isRowList(next)) {
      const oldById = new Map(old.map((r) => [r.id, JSON.stringify(r)]));
      const nextIds = new Set(next.map((r) => r.id));
      const appended = [
        ...old.filter((r) => nextIds.has(r.id)).map((r) => r.id),
        ...next.filter((r) => !oldById.has(r.id)).map((r) => r.id),
      ];
      const order = next.map((r) => r.id);
      rows = {
        field: key,
        upsert: next.filter((r) => oldById.get(r.id) !== JSON.stringify(r)),
        remove: old.filter((r) => !nextIds.has(r.id)).map((r) => r.id),
        ...(appended.some((id, i) => id !== order[i]) && { order }),
      };
    } else set[key] = next;
  }
  return rows ? { set, rows } : { set };
}

/** Applies a patch: changed rows in place, removed rows out, new rows at the end. */
export function applyViewPatch<V extends object>(view: V, patch: ViewPatch): V {
  const next: View = { ...(view as View), ...patch.set };
  if (patch.rows) {
    const { field, upsert, remove, order } = patch.rows;
    const removed = new Set(remove);
    const changed = new Map(upsert.map((r) => [r.id, r]));
    const old = ((view as View)[field] as Row[]) ?? [];
    const kept = old.filter((r) => !removed.has(r.id)).map((r) => changed.get(r.id) ?? r);
    const known = new Set(old.map((r) => r.id));
    const rows = [...kept, ...upsert.filter((r) => !known.has(r.id))];
    if (order) {
      const position = new Map(order.map((id, i) => [id, i]));
      rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    }
    next[field] = rows;
  }
  return next as V;
}
