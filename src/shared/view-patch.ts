/**
 * What changed between two versions of a view: the top-level fields that differ, and for the lists its
 * shape names only the items that were added, changed or removed, found by their key. An item whose
 * shape has lists of its own is patched the same way inside (a live round's seating, by table), so a
 * late arrival sends the tables that changed rather than the whole round. Both the server (to check a
 * patch before sending it) and the web client (to apply it) use applyViewPatch, so they cannot drift.
 */
export interface ViewPatch {
  set: Record<string, unknown>;
  lists?: Record<string, ListPatch>;
}

type Key = string | number;

export interface ListPatch {
  /** The field that names an item. */
  key: string;
  /** Items that are new, or changed where the shape has no lists inside them: whole. */
  upsert: Item[];
  /** Items changed where the shape has lists inside them: what changed in each. */
  edit?: { key: Key; patch: ViewPatch }[];
  remove: Key[];
  /** Where new items go when not simply at the end: after the item with key `after` (null: first). */
  insert?: { key: Key; after: Key | null }[];
  /** Every key in order, only when items that were there before changed places. */
  order?: Key[];
}

/** Which fields of an object are lists diffed item by item, and by which field their items are named. */
export type ViewShape = Readonly<Record<string, ListShape>>;
export interface ListShape {
  key: string;
  lists?: ViewShape;
}

type View = Record<string, unknown>;
type Item = Record<string, unknown>;

const isList = (value: unknown, key: string): value is Item[] =>
  Array.isArray(value) &&
  value.every((item) => {
    const k = (item as Item | null)?.[key];
    return typeof k === 'string' || typeof k === 'number';
  }) &&
  new Set(value.map((item) => item[key])).size === value.length;

/** The patch from `before` to `after`; `shape` names the lists diffed by key. */
export function diffView(before: View, after: View, shape: ViewShape): ViewPatch {
  const set: Record<string, unknown> = {};
  const lists: Record<string, ListPatch> = {};
  for (const field of Object.keys(after)) {
    const old = before[field];
    const next = after[field];
    const list = shape[field];
    if (list && isList(old, list.key) && isList(next, list.key)) {
      const patch = diffList(old, next, list);
      if (patch) lists[field] = patch;
    } else if (JSON.stringify(old) !== JSON.stringify(next)) set[field] = next;
  }
  return Object.keys(lists).length > 0 ? { set, lists } : { set };
}

function diffList(old: Item[], next: Item[], shape: ListShape): ListPatch | null {
  const { key } = shape;
  const oldByKey = new Map(old.map((item) => [item[key] as Key, item]));
  const nextKeys = new Set(next.map((item) => item[key] as Key));
  const upsert: Item[] = [];
  const edit: { key: Key; patch: ViewPatch }[] = [];
  for (const item of next) {
    const k = item[key] as Key;
    const was = oldByKey.get(k);
    if (!was) upsert.push(item);
    else if (shape.lists) {
      const patch = diffView(was, item, shape.lists);
      if (Object.keys(patch.set).length > 0 || patch.lists) edit.push({ key: k, patch });
    }
    // The very same object is the same item: a view keeps the rows that did not change.
    else if (was !== item && JSON.stringify(was) !== JSON.stringify(item)) upsert.push(item);
  }
  const remove = old.map((item) => item[key] as Key).filter((k) => !nextKeys.has(k));
  const order = next.map((item) => item[key] as Key);
  const stayed = old.map((item) => item[key] as Key).filter((k) => nextKeys.has(k));
  const moved = order.filter((k) => oldByKey.has(k)).some((k, i) => k !== stayed[i]);
  const appended = [...stayed, ...order.filter((k) => !oldByKey.has(k))];
  // Where only new items sit in between, saying where each goes is far shorter than every key.
  const insert =
    !moved && appended.some((k, i) => k !== order[i])
      ? order.flatMap((k, i) => (oldByKey.has(k) ? [] : [{ key: k, after: i > 0 ? order[i - 1]! : null }]))
      : null;
  if (upsert.length === 0 && edit.length === 0 && remove.length === 0 && !moved && !insert) return null;
  return {
    key,
    upsert,
    ...(edit.length > 0 && { edit }),
    remove,
    ...(insert && { insert }),
    ...(moved && { order }),
  };
}

/** Applies a patch: changed items in place, removed items out, new items at the end (or in `order`). */
export function applyViewPatch<V extends object>(view: V, patch: ViewPatch): V {
  const next: View = { ...(view as View), ...patch.set };
  for (const [field, list] of Object.entries(patch.lists ?? {})) {
    next[field] = applyList(((view as View)[field] as Item[] | undefined) ?? [], list);
  }
  return next as V;
}

function applyList(old: Item[], { key, upsert, edit, remove, insert, order }: ListPatch): Item[] {
  const removed = new Set(remove);
  const replaced = new Map(upsert.map((item) => [item[key] as Key, item]));
  const edited = new Map((edit ?? []).map((e) => [e.key, e.patch]));
  const kept = old
    .filter((item) => !removed.has(item[key] as Key))
    .map((item) => {
      const k = item[key] as Key;
      const patch = edited.get(k);
      return replaced.get(k) ?? (patch ? applyViewPatch(item, patch) : item);
    });
  const known = new Set(old.map((item) => item[key] as Key));
  const added = upsert.filter((item) => !known.has(item[key] as Key));
  const items = insert ? inserted(kept, added, key, insert) : [...kept, ...added];
  if (order) {
    const position = new Map(order.map((k, i) => [k, i]));
    items.sort((a, b) => (position.get(a[key] as Key) ?? 0) - (position.get(b[key] as Key) ?? 0));
  }
  return items;
}

/** The kept items with each new one placed after the item it follows (which may be new itself). */
function inserted(
  kept: Item[],
  added: Item[],
  key: string,
  insert: NonNullable<ListPatch['insert']>,
): Item[] {
  const byKey = new Map(added.map((item) => [item[key] as Key, item]));
  const following = new Map<Key | null, Item[]>();
  for (const { key: k, after } of insert) {
    const item = byKey.get(k);
    if (!item) continue;
    byKey.delete(k);
    const behind = following.get(after);
    if (behind) behind.push(item);
    else following.set(after, [item]);
  }
  const items: Item[] = [];
  const place = (item: Item) => {
    items.push(item);
    for (const next of following.get(item[key] as Key) ?? []) place(next);
  };
  for (const item of following.get(null) ?? []) place(item);
  for (const item of kept) place(item);
  // A new item the patch did not place (never sent so) still arrives: at the end.
  return [...items, ...byKey.values()];
}
