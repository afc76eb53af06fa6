import type { Catalogue } from './catalogue.js';

export interface Starter {
  de: string;
  en: string;
}

/** Interests at least two people at the table chose, in catalogue order (stable for everyone there). */
export function interestsSharedAtTable(catalogue: Catalogue, people: { interests: string[] }[]): string[] {
  return catalogue.interests
    .map((i) => i.key)
    .filter((key) => people.filter((p) => p.interests.includes(key)).length >= 2);
}

/**
 * One conversation starter for the whole table and round, in both languages so every phone shows it
 * in its own; the salt (round and table) varies it between tables and rounds.
 */
export function tableStarter(catalogue: Catalogue, sharedAtTable: string[], salt: number): Starter | null {
  const choices = sharedAtTable.flatMap((key) => {
    const starters = catalogue.interests.find((i) => i.key === key)?.starters;
    if (!starters) return [];
    const count = Math.min(starters.de.length, starters.en.length);
    return Array.from({ length: count }, (_, i) => ({ de: starters.de[i]!, en: starters.en[i]! }));
  });
  if (choices.length === 0) return null;
  return choices[Math.abs(salt) % choices.length] ?? null;
}
