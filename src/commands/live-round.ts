import type { PlanRow } from '../db/schema/index.js';
import type { EventState } from '../domain/event-state.js';
import { historyOf, liveRound, toMatchPerson } from '../domain/event-state.js';
import { planSteps } from '../domain/forward-plan.js';
import { lateArrivalTable, liveRoundMetrics, requireLiveRound } from '../domain/round-rules.js';
import { measureSteps } from '../matching/index.js';
import type { Metrics, Round } from '../matching/types.js';
import type { Tx } from '../repositories/db-types.js';
import { advancePlan, deletePlan } from '../repositories/plans.js';
import { setRoundMetrics, upsertAssignment } from '../repositories/rounds.js';

/**
 * Keeps the stored quality of the live round true after a seat changed (state already holds the
 * change), and the state's own live round with it.
 */
export async function refreshLiveMetrics(
  tx: Tx,
  state: EventState,
  metrics: Metrics = liveRoundMetrics(state),
): Promise<void> {
  const round = requireLiveRound(state);
  round.metrics = metrics;
  await setRoundMetrics(tx, round.id, round.metrics);
}

/** Seats a present person in the live round where they fit best, moving nobody; no live round, no seat. */
export async function seatIfRoundLive(
  tx: Tx,
  state: EventState,
  participantId: string,
): Promise<number | null> {
  const round = liveRound(state);
  if (!round) return null;
  const tableId = lateArrivalTable(state, participantId);
  if (tableId === null) return null;
  await upsertAssignment(tx, { roundId: round.id, participantId, tableId });
  round.seats.set(participantId, tableId);
  return tableId;
}

/**
 * After a start committed the plan's first round (`afterBasis` is the plan basis of the state with
 * it), the rest of the plan still fits the room (the round played is the one it assumed), so it is
 * kept under the new basis: the next start is instant. The evening is still the one planned (history
 * and plan are the same rounds), and the rest's metrics were measured with the plan, so nothing is
 * measured again while the start holds the loop.
 */
export async function storeRemainingPlan(
  tx: Tx,
  state: EventState,
  afterBasis: string,
  plan: Round[],
  now: number,
): Promise<PlanRow | null> {
  if (plan.length <= 1 || !state.plan) {
    await deletePlan(tx, state.event.id);
    return null;
  }
  const steps =
    planSteps(state) ?? measureSteps(plan, state.participants.map(toMatchPerson), historyOf(state));
  const advanced = {
    basisKey: afterBasis,
    metrics: steps[0]!.rest,
    steps: steps.slice(1),
    computedAt: new Date(now),
  };
  // The plan is current, so its stored rounds are the plan's rounds: the rest is the stored rest.
  await advancePlan(tx, state.event.id, advanced);
  return { ...state.plan, ...advanced, rounds: state.plan.rounds.slice(1) };
}
