/**
 * Constructive resolvable designs for classic sizes: rounds of `groups` tables of `size` on points
 * 0..n−1 in which no pair meets twice. Local search struggles exactly where these shine (the social
 * golfer "32 people in 8 tables of 4"), so a plan starts from one when the sizes allow.
 */
export type Design = number[][][];

const PRIMES = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
];

/** The most repeat-free rounds a construction here gives for these sizes, as a design, or null. */
export function constructDesign(groups: number, size: number): Design | null {
  const candidates = [
    transversalDesign(groups, size),
    binarySpreadDesign(groups, size),
    roundRobin(groups, size),
    kirkmanDesign(groups, size),
  ];
  let best: Design | null = null;
  for (const design of candidates) if (design && (!best || design.length > best.length)) best = design;
  return best;
}

/**
 * Points (row i < size, column x mod g), g prime ≥ size: in round m table b holds (i, m·i + b). Two
 * points in different rows meet in exactly one round, same-row points never; with g = size the rows
 * form one more round (the affine plane).
 */
function transversalDesign(groups: number, size: number): Design | null {
  if (!PRIMES.includes(groups) || size > groups || size < 2) return null;
  const point = (row: number, column: number) => row * groups + column;
  const design: Design = [];
  for (let m = 0; m < groups; m++) {
    design.push(
      Array.from({ length: groups }, (_, b) =>
        Array.from({ length: size }, (_, i) => point(i, (m * i + b) % groups)),
      ),
    );
  }
  if (size === groups) {
    design.push(
      Array.from({ length: size }, (_, row) =>
        Array.from({ length: groups }, (_, column) => point(row, column)),
      ),
    );
  }
  return design;
}

/**
 * Points are the vectors of GF(2)^k and a round is the cosets of a j-dimensional subspace; subspaces
 * meeting only in 0 (a partial spread) never pair anyone twice. 32 in 8×4 gives 9 rounds this way.
 */
function binarySpreadDesign(groups: number, size: number): Design | null {
  const n = groups * size;
  const k = Math.log2(n);
  const j = Math.log2(size);
  if (!Number.isInteger(k) || !Number.isInteger(j) || j < 1 || k > 6 || j >= k) return null;
  const subspaces = enumerateSubspaces(k, j);
  const spread = largestPartialSpread(subspaces, 1 << k);
  return spread.map((subspace) => {
    const seen = new Uint8Array(n);
    const round: number[][] = [];
    for (let x = 0; x < n; x++) {
      if (seen[x]) continue;
      const coset = subspace.map((v) => x ^ v);
      for (const y of coset) seen[y] = 1;
      round.push(coset);
    }
    return round;
  });
}

function enumerateSubspaces(k: number, j: number): number[][] {
  const found = new Map<string, number[]>();
  const grow = (span: number[], dimension: number, from: number) => {
    if (dimension === j) {
      const sorted = [...span].sort((a, b) => a - b);
      found.set(sorted.join(','), sorted);
      return;
    }
    for (let v = from; v < 1 << k; v++) {
      if (span.includes(v)) continue;
      grow([...span, ...span.map((u) => u ^ v)], dimension + 1, v + 1);
    }
  };
  grow([0], 0, 1);
  return [...found.values()];
}

/** Depth-first search for pairwise trivially-intersecting subspaces, bounded so it stays instant. */
function largestPartialSpread(subspaces: number[][], vectors: number): number[][] {
  const perSubspace = subspaces[0]!.length - 1;
  const ceiling = Math.floor((vectors - 1) / perSubspace);
  const used = new Uint8Array(vectors);
  let best: number[][] = [];
  const chosen: number[][] = [];
  let nodes = 0;
  const search = (from: number) => {
    if (chosen.length > best.length) best = [...chosen];
    if (best.length >= ceiling || nodes++ > 200_000) return;
    for (let i = from; i < subspaces.length; i++) {
      const subspace = subspaces[i]!;
      if (subspace.some((v) => v !== 0 && used[v])) continue;
      if (chosen.length + 1 + (subspaces.length - i - 1) <= best.length) return;
      for (const v of subspace) used[v] = 1;
      chosen.push(subspace);
      search(i + 1);
      chosen.pop();
      for (const v of subspace) used[v] = 0;
      used[0] = 0;
      if (best.length >= ceiling) return;
    }
  };
  search(0);
  return best;
}

/** Tables of two: the circle method pairs everyone with everyone in n − 1 rounds. */
function roundRobin(groups: number, size: number): Design | null {
  if (size !== 2 || groups < 1) return null;
  const n = groups * 2;
  const design: Design = [];
  for (let r = 0; r < n - 1; r++) {
    const round: number[][] = [[n - 1, r]];
    for (let i = 1; i < groups; i++) round.push([(r + i) % (n - 1), (r - i + n - 1) % (n - 1)]);
    design.push(round);
  }
  return design;
}

/**
 * Kirkman's fifteen schoolgirls: the points of PG(3,2) (the 15 non-zero vectors of GF(2)^4) and its
 * 35 lines {a, b, a⊕b}, packed into 7 parallel classes by a small depth-first search.
 */
function kirkmanDesign(groups: number, size: number): Design | null {
  if (groups !== 5 || size !== 3) return null;
  const lines: number[][] = [];
  for (let a = 1; a < 16; a++) for (let b = a + 1; b < 16; b++) if ((a ^ b) > b) lines.push([a, b, a ^ b]);
  const usedLine = new Uint8Array(lines.length);
  const rounds: number[][][] = [];
  let nodes = 0;
  const fill = (round: number[][], covered: number): boolean => {
    if (nodes++ > 100_000) return false;
    if (round.length === 5) {
      rounds.push(round);
      if (rounds.length === 7 || fill([], 0)) return true;
      rounds.pop();
      return false;
    }
    let point = 1;
    while (covered & (1 << point)) point++;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (usedLine[i] || !line.includes(point) || line.some((x) => covered & (1 << x))) continue;
      usedLine[i] = 1;
      if (fill([...round, line], covered | (1 << line[0]!) | (1 << line[1]!) | (1 << line[2]!))) return true;
      usedLine[i] = 0;
    }
    return false;
  };
  if (!fill([], 0)) return null;
  return rounds.map((round) => round.map((line) => line.map((x) => x - 1)));
}
