import type { MatchWeights, TableUse } from '../matching/types.js';

export const TABLE_USES = ['auto', 'fewest', 'spread'] as const;
export type TableUseSetting = (typeof TABLE_USES)[number];
/** Spread never leaves a table with fewer people than this, unless the moderator says otherwise. */
export const DEFAULT_MIN_PER_TABLE = 4;

/** What a moderator can tune about matching; stored with the event. */
export interface MatchingSettings {
  weights?: Partial<MatchWeights>;
  /** Planning budget per round; the engine's default applies when absent. */
  timeMs?: number;
  tableUse?: TableUseSetting;
  minPerTable?: number;
}

/**
 * Equal tables fill best when as few as needed open (even sizes anyway); mixed capacities leave
 * the big tables crowded and the small ones empty unless the round spreads over all of them.
 */
export function resolveTableUse(settings: MatchingSettings, seats: number[]): TableUse {
  const minPerTable = settings.minPerTable ?? DEFAULT_MIN_PER_TABLE;
  const mode = settings.tableUse ?? 'auto';
  if (mode === 'spread' || (mode === 'auto' && new Set(seats).size > 1))
    return { mode: 'spread', minPerTable };
  return { mode: 'fewest' };
}
