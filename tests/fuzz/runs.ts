/**
 * How many generated inputs each fuzz property tries (per route, per message type). The default keeps
 * `npm test` within a few minutes on a quiet 2-core machine; CI sets a deeper FUZZ_RUNS.
 */
export const DEFAULT_FUZZ_RUNS = 200;

export function fuzzRuns(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FUZZ_RUNS?.trim();
  if (!raw) return DEFAULT_FUZZ_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 4) throw new Error(`FUZZ_RUNS must be an integer ≥ 4, got "${raw}"`);
  return runs;
}
