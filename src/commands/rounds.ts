import { liveRound } from '../domain/event-state.js';
import { basisKey, basisParts, currentPlan, roundBasis } from '../domain/forward-plan.js';
import {
  assertActive,
  assertCanMove,
  assertCanStart,
  extendedEnd,
  lateArrivalTable,
  nextPlannedRound,
  plannedSeats,
  requireLiveRound,
  roundTiming,
} from '../domain/round-rules.js';
import { conflict } from '../errors.js';
import { endRoundRow } from '../repositories/events.js';
import { insertAssignments, insertRound, setRoundEnd, upsertAssignment } from '../repositories/rounds.js';
import { refreshLiveMetrics, storeRemainingPlan } from './live-round.js';
import { type CommandContext, commit } from './unit-of-work.js';

/** Starts with a stale plan are retried this often when the room keeps changing under the planner. */
const START_ATTEMPTS = 3;

/**
 * Starts the next round: the forward plan's next round when the plan fits the room as it is (at
 * once), else after the planner made a fresh one. The commit checks the plan again inside its
 * transaction, so a change that slips in between is never seated with an outdated plan.
 */
export async function startRound(ctx: CommandContext, eventId: string): Promise<{ number: number }> {
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    const started = await tryStart(ctx, eventId);
    if (started) return started;
    await ctx.planner.ensureCurrent(eventId);
  }
  throw conflict('plan_busy', 'The room keeps changing; the plan is being made again. Try once more.');
}

function tryStart(ctx: CommandContext, eventId: string): Promise<{ number: number } | null> {
  return commit(ctx, eventId, 'start_round', async (tx, state) => {
    assertCanStart(state);
    const basis = basisParts(state);
    const plan = currentPlan(state, basisKey(basis));
    if (!plan) return { result: null, unchanged: true };
    const planned = nextPlannedRound(state, plan);
    const round = await insertRound(tx, {
      eventId,
      number: planned.number,
      ...roundTiming(state, ctx.now()),
      metrics: planned.metrics,
    });
    const seats = plannedSeats(state, planned.plan);
    await insertAssignments(tx, round.id, seats);
    // A start changes nothing else: the people, the tables, the café (no takeaway or feedback can
    // belong to a round that did not exist) stay as they were.
    const after = { ...state, rounds: [...state.rounds, { ...round, seats }] };
    // The start adds one round to what the plan depended on, and changes nothing else of it.
    const afterBasis = basisKey({ ...basis, rounds: [...basis.rounds, roundBasis(seats)] });
    const rest = await storeRemainingPlan(tx, state, afterBasis, plan, ctx.now());
    return {
      result: { number: planned.number },
      details: { round: planned.number, seated: seats.size, metrics: planned.metrics },
      after: { ...after, plan: rest },
    };
  });
}

export async function extendRound(ctx: CommandContext, eventId: string, minutes: number): Promise<void> {
  await commit(ctx, eventId, 'extend_round', async (tx, state) => {
    const round = requireLiveRound(state);
    await setRoundEnd(tx, round.id, extendedEnd(state, minutes, ctx.now()));
    return { result: undefined, details: { round: round.number, minutes } };
  });
}

export async function endRound(ctx: CommandContext, eventId: string): Promise<void> {
  await commit(ctx, eventId, 'end_round', async (tx, state) => {
    const round = requireLiveRound(state);
    await endRoundRow(tx, round.id, ctx.now());
    return { result: undefined, details: { round: round.number } };
  });
}

/** The timer's end: only when the live round is really due, so a late or repeated timer changes nothing. */
export async function endRoundIfDue(ctx: CommandContext, eventId: string): Promise<boolean> {
  return commit(ctx, eventId, 'auto_end_round', async (tx, state) => {
    const round = liveRound(state);
    if (!round || round.endsAt.getTime() > ctx.now()) return { result: false, unchanged: true };
    await endRoundRow(tx, round.id, ctx.now());
    return { result: true, details: { round: round.number } };
  });
}

export async function moveParticipant(
  ctx: CommandContext,
  eventId: string,
  participantId: string,
  tableId: number,
  swapWith?: string,
): Promise<void> {
  await commit(ctx, eventId, 'move', async (tx, state) => {
    assertCanMove(state, participantId, tableId, swapWith);
    const round = requireLiveRound(state);
    const from = round.seats.get(participantId);
    const moves: [string, number][] = [[participantId, tableId]];
    if (swapWith !== undefined && from !== undefined) moves.push([swapWith, from]);
    for (const [id, to] of moves) {
      await upsertAssignment(tx, { roundId: round.id, participantId: id, tableId: to });
      round.seats.set(id, to);
    }
    await refreshLiveMetrics(tx, state);
    return { result: undefined, details: { participantId, tableId, swapWith, round: round.number } };
  });
}

export async function seatLateArrival(
  ctx: CommandContext,
  eventId: string,
  participantId: string,
): Promise<number> {
  return commit(ctx, eventId, 'seat_late_arrival', async (tx, state) => {
    assertActive(state);
    const round = requireLiveRound(state);
    const person = state.participants.find((p) => p.id === participantId);
    if (!person) throw conflict('unknown_participant', 'No such participant in this event.');
    if (round.seats.has(participantId)) throw conflict('already_seated', 'This person already has a seat.');
    if (person.presence !== 'present') throw conflict('not_present', 'Mark the person present first.');
    const tableId = lateArrivalTable(state, participantId);
    if (tableId === null) throw conflict('no_free_seat', 'No table has a free seat: add a table.');
    await upsertAssignment(tx, { roundId: round.id, participantId, tableId });
    round.seats.set(participantId, tableId);
    await refreshLiveMetrics(tx, state);
    return { result: tableId, details: { participantId, tableId, round: round.number } };
  });
}
