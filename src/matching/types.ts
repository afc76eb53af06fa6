/** The matching engine's contract. Pure data in, pure data out: no I/O anywhere under src/matching. */

export interface MatchPerson {
  id: string;
  /** Free text; colleagues are compared trimmed and case-insensitive. Null or blank = no organisation. */
  organisation: string | null;
  /** Catalogue role key, e.g. "verwaltung"; null when unknown. */
  role: string | null;
  /** Open-source stage, ordinal 0–4; null when unknown. */
  stage: number | null;
  /** Catalogue interest keys, at most 5. */
  interests: string[];
}

export interface MatchTable {
  label: string;
  seats: number;
  /** An interest key; people with that interest are preferred at this table. */
  topic: string | null;
  /** A person who stays at this table every round (when present). */
  hostId: string | null;
}

/** One round: one entry per input table, in input order; unused tables are empty lists. */
export type Round = string[][];

export interface MatchWeights {
  sameOrg: number;
  roleMix: number;
  stageMix: number;
  interestHook: number;
  topic: number;
}

export interface MatchOptions {
  seed?: number;
  /** Wall-clock budget for the search; the engine returns its best plan when it runs out. */
  timeMs?: number;
  /**
   * Deterministic search effort, in milliseconds of the reference 2-core machine; defaults to
   * `timeMs`. Tests set a small effort under a generous `timeMs` so the clock can never cut in.
   */
  effortMs?: number;
  weights?: Partial<MatchWeights>;
  /** Which of the set-up tables a round uses; default `{ mode: 'fewest' }`. */
  tableUse?: TableUse;
}

/**
 * `fewest`: open as few tables as fit everyone (the largest first). `spread`: use as many of the
 * tables set up as keep at least `minPerTable` people at each, which evens out mixed capacities.
 */
export type TableUse = { mode: 'fewest' } | { mode: 'spread'; minPerTable: number };

export interface PlanRoundInput {
  people: MatchPerson[];
  tables: MatchTable[];
  /** Earlier rounds, oldest first; may name people who are no longer present. */
  history: Round[];
  /** Pairs who already know each other: planned as if they had met once (not counted in metrics). */
  met?: [string, string][];
  options?: MatchOptions;
}

export interface PlanScheduleInput extends PlanRoundInput {
  rounds: number;
  /**
   * A schedule planned earlier for (about) the same room, by input table: the search starts from it
   * (people who left taken out, newcomers put in their places) besides its fresh attempts, so a
   * re-plan after a small change keeps what a design gave.
   */
  warmStart?: Round[];
}

export interface Metrics {
  rounds: number;
  repeats: number;
  maxMeetings: number;
  sameOrgPairs: number;
  roleMix: number;
  stageMix: number;
  interestHook: number;
  sizeSpread: number;
}

/** One round of a plan: its own metrics, and those of the plan's rest once it was played. */
export interface PlanStep {
  round: Metrics;
  rest: Metrics;
}
