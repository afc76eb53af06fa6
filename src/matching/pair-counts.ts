/** How often each pair of present people has met: dense bytes for usual sizes, a map beyond. */
export interface PairCounts {
  readonly size: number;
  /** Row-major size × size counts when the room is small enough (25 MB at 5,000 people), else null. */
  readonly dense: Uint8Array | null;
  get(a: number, b: number): number;
  add(a: number, b: number, delta: number): void;
}

const DENSE_LIMIT = 6000;

export function createPairCounts(size: number): PairCounts {
  if (size <= DENSE_LIMIT) {
    const counts = new Uint8Array(size * size);
    return {
      size,
      dense: counts,
      get: (a, b) => counts[a * size + b]!,
      add(a, b, delta) {
        const value = Math.max(0, Math.min(255, counts[a * size + b]! + delta));
        counts[a * size + b] = value;
        counts[b * size + a] = value;
      },
    };
  }
  const counts = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * size + b : b * size + a);
  return {
    size,
    dense: null,
    get: (a, b) => counts.get(key(a, b)) ?? 0,
    add(a, b, delta) {
      const value = Math.max(0, (counts.get(key(a, b)) ?? 0) + delta);
      if (value === 0) counts.delete(key(a, b));
      else counts.set(key(a, b), value);
    },
  };
}

/** Counts every pair that shared a table in `rounds`; ids not in `indexOf` (absent people) are skipped. */
export function addRounds(counts: PairCounts, rounds: string[][][], indexOf: Map<string, number>): void {
  for (const round of rounds) {
    for (const table of round) {
      const members = [...new Set(table.map((id) => indexOf.get(id)).filter((index) => index !== undefined))];
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) counts.add(members[i]!, members[j]!, 1);
      }
    }
  }
}

/** Counts each pair as met once; ids not in `indexOf` are skipped. */
export function addPairs(counts: PairCounts, pairs: [string, string][], indexOf: Map<string, number>): void {
  for (const [a, b] of pairs) {
    const p = indexOf.get(a);
    const q = indexOf.get(b);
    if (p !== undefined && q !== undefined && p !== q) counts.add(p, q, 1);
  }
}

/** Adds (or with delta −1 removes) the meetings of one seating given as person indices. */
export function addSeating(counts: PairCounts, seating: number[][], delta: number): void {
  for (const table of seating)
    for (let i = 0; i < table.length; i++)
      for (let j = i + 1; j < table.length; j++) counts.add(table[i]!, table[j]!, delta);
}

/** Whether anyone at a table of the seating has met a table mate before (per `counts`). */
export function seatsAnyPairAgain(counts: PairCounts, seating: number[][], threshold = 1): boolean {
  return seating.some((table) =>
    table.some((p, i) => table.some((q, j) => j > i && counts.get(p, q) >= threshold)),
  );
}
