import type { ModeratorView } from '../../lib/types.js';

export type Person = ModeratorView['participants'][number];
export type PresenceFilter = 'all' | Person['presence'];
/** 'all', 'none' (no seat in the live round) or a table id as text. */
export type TableFilter = string;
export type PeopleSort = 'name' | 'joined' | 'table';

export interface PeopleQuery {
  search: string;
  presence: PresenceFilter;
  table: TableFilter;
  sort: PeopleSort;
}

export const emptyQuery: PeopleQuery = { search: '', presence: 'all', table: 'all', sort: 'name' };

/** Lower case without accents, so "celik" finds "Çelik" and "muller" finds "Müller". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Names that occur more than once (a person who rejoined from another browser): the moderator must tell them apart. */
export function duplicateNames(people: Person[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const p of people) {
    const key = folded(p.displayName.trim());
    if (seen.has(key)) twice.add(key);
    seen.add(key);
  }
  return twice;
}

/** The people list as the moderator asked for it: every search word in the name or organisation. */
export function selectPeople(
  people: Person[],
  query: PeopleQuery,
  tablePosition: Map<number, number>,
  language: string,
): Person[] {
  const words = folded(query.search).split(/\s+/).filter(Boolean);
  const chosen = people.filter((p) => {
    if (query.presence !== 'all' && p.presence !== query.presence) return false;
    if (query.table === 'none' && p.tableId !== null) return false;
    if (query.table !== 'all' && query.table !== 'none' && String(p.tableId) !== query.table) return false;
    if (words.length === 0) return true;
    const text = folded(`${p.displayName} ${p.organisation ?? ''}`);
    return words.every((w) => text.includes(w));
  });
  const byName = (a: Person, b: Person) => a.displayName.localeCompare(b.displayName, language);
  const order: Record<PeopleSort, (a: Person, b: Person) => number> = {
    name: byName,
    joined: (a, b) => b.joinedAt - a.joinedAt || byName(a, b),
    table: (a, b) =>
      (tablePosition.get(a.tableId ?? -1) ?? Number.MAX_SAFE_INTEGER) -
        (tablePosition.get(b.tableId ?? -1) ?? Number.MAX_SAFE_INTEGER) || byName(a, b),
  };
  return chosen.sort(order[query.sort]);
}
