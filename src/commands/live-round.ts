import type { EventState, RoundState } from '../domain/event-state.js';
import { historyOf, liveRound, toMatchPerson } from '../domain/event-state.js';
import { planBasis, toStoredRounds } from '../domain/forward-plan.js';
import { lateArrivalTable, liveRoundMetrics, requireLiveRound } from '../domain/round-rules.js';
import { measure } from '../matching/index.js';
import type { Round } from '../matching/types.js';
import type { Tx } from '../repositories/db-types.js';
import { deletePlan, upsertPlan } from '../repositories/plans.js';
import { setRoundMetrics, upsertAssignment } from '../repositories/rounds.js';

/** Keeps the stored quality of the live round true after a seat changed (state already holds the change). */
export function refreshLiveMetrics(tx: Tx, state: EventState): void {
  setRoundMetrics(tx, requireLiveRound(state).id, liveRoundMetrics(state));
}

/** Seats a present person in the live round where they fit best, moving nobody; no live round, no seat. */
export function seatIfRoundLive(tx: Tx, state: EventState, participantId: string): number | null {
  const round = liveRound(state);
  if (!round) return null;
  const tableId = lateArrivalTable(state, participantId);
  if (tableId === null) return null;
  upsertAssignment(tx, { roundId: round.id, participantId, tableId });
  round.seats.set(participantId, tableId);
  return tableId;
}

/**
 * After a start committed the plan's first round, the rest of the plan still fits the room (the
 * round played is the one it assumed), so it is kept under the new basis: the next start is instant.
 */
export function storeRemainingPlan(
  tx: Tx,
  state: EventState,
  remaining: Round[],
  roundId: number,
  rows: { participantId: string; tableId: number }[],
  now: number,
): void {
  if (remaining.length === 0) {
    deletePlan(tx, state.event.id);
    return;
  }
  const played = new Map(rows.map((r) => [r.participantId, r.tableId]));
  // Basis and history read only the seats of a round.
  const round = { id: roundId, status: 'live', seats: played } as RoundState;
  const after: EventState = { ...state, rounds: [...state.rounds, round] };
  const everyone = state.participants.map(toMatchPerson);
  const history = historyOf(after);
  upsertPlan(tx, state.event.id, {
    basisKey: planBasis(after),
    rounds: toStoredRounds(after, remaining),
    metrics: measure(remaining, everyone, history),
    eveningMetrics: measure([...history, ...remaining], everyone),
    computedAt: new Date(now),
  });
}
