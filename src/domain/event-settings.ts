import type { MatchWeights } from '../matching/types.js';

/** What a moderator can tune about matching; stored with the event. */
export interface MatchingSettings {
  weights?: Partial<MatchWeights>;
  /** Planning budget per round; the engine's default applies when absent. */
  timeMs?: number;
}
