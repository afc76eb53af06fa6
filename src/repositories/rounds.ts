import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { assignments, rounds } from '../db/schema/index.js';
import { type EventState, liveRound } from '../domain/event-state.js';
import {
  assertActive,
  assertCanMove,
  extendedEnd,
  lateArrivalTable,
  liveRoundMetrics,
  type PlannedRound,
  planNextRound,
  requireLiveRound,
  roundTiming,
} from '../domain/round-rules.js';
import { conflict } from '../errors.js';
import type { Tx } from './db-types.js';
import { endRoundRow, mutateEvent } from './events.js';

const INSERT_CHUNK = 500;

/** Keeps the stored quality of the live round true after a seat changed (state already holds the change). */
export function refreshLiveMetrics(tx: Tx, state: EventState): void {
  const round = requireLiveRound(state);
  tx.update(rounds)
    .set({ metrics: liveRoundMetrics(state) })
    .where(eq(rounds.id, round.id))
    .run();
}

/** Starts the next round; a preview made from the same event version is committed as it was shown. */
export function startRound(
  db: Db,
  eventId: string,
  now: number,
  previewed?: PlannedRound,
): { number: number } {
  return mutateEvent(db, eventId, now, 'start_round', (tx, state) => {
    const planned = previewed?.basedOnVersion === state.event.version ? previewed : planNextRound(state);
    const timing = roundTiming(state, now);
    const round = tx
      .insert(rounds)
      .values({ eventId, number: planned.number, status: 'live', ...timing, metrics: planned.metrics })
      .returning({ id: rounds.id })
      .get();
    const rows = planned.plan.flatMap((ids, index) =>
      ids.map((participantId) => ({ roundId: round.id, participantId, tableId: state.tables[index]!.id })),
    );
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      tx.insert(assignments)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .run();
    }
    return {
      result: { number: planned.number },
      details: { round: planned.number, seated: rows.length, metrics: planned.metrics },
    };
  });
}

export function extendRound(db: Db, eventId: string, minutes: number, now: number): void {
  mutateEvent(db, eventId, now, 'extend_round', (tx, state) => {
    const round = requireLiveRound(state);
    tx.update(rounds)
      .set({ endsAt: extendedEnd(state, minutes, now) })
      .where(eq(rounds.id, round.id))
      .run();
    return { result: undefined, details: { round: round.number, minutes } };
  });
}

export function endRound(db: Db, eventId: string, now: number): void {
  mutateEvent(db, eventId, now, 'end_round', (tx, state) => {
    const round = requireLiveRound(state);
    endRoundRow(tx, round.id, now);
    return { result: undefined, details: { round: round.number } };
  });
}

/** The timer's end: only when the live round is really due, so a late or repeated timer changes nothing. */
export function endRoundIfDue(db: Db, eventId: string, now: number): boolean {
  return mutateEvent(db, eventId, now, 'auto_end_round', (tx, state) => {
    const round = liveRound(state);
    if (!round || round.endsAt.getTime() > now) return { result: false };
    endRoundRow(tx, round.id, now);
    return { result: true, details: { round: round.number } };
  });
}

export function moveParticipant(
  db: Db,
  eventId: string,
  participantId: string,
  tableId: number,
  now: number,
): void {
  mutateEvent(db, eventId, now, 'move', (tx, state) => {
    assertCanMove(state, participantId, tableId);
    const round = requireLiveRound(state);
    const values = { roundId: round.id, participantId, tableId };
    tx.insert(assignments)
      .values(values)
      .onConflictDoUpdate({ target: [assignments.roundId, assignments.participantId], set: { tableId } })
      .run();
    round.seats.set(participantId, tableId);
    refreshLiveMetrics(tx, state);
    return { result: undefined, details: { participantId, tableId, round: round.number } };
  });
}

export function seatLateArrival(db: Db, eventId: string, participantId: string, now: number): number {
  return mutateEvent(db, eventId, now, 'seat_late_arrival', (tx, state) => {
    assertActive(state);
    const round = requireLiveRound(state);
    const person = state.participants.find((p) => p.id === participantId);
    if (!person) throw conflict('unknown_participant', 'No such participant in this event.');
    if (round.seats.has(participantId)) throw conflict('already_seated', 'This person already has a seat.');
    if (person.presence !== 'present') throw conflict('not_present', 'Mark the person present first.');
    const tableId = lateArrivalTable(state, participantId);
    if (tableId === null)
      throw conflict('no_free_seat', 'No table has a free seat: add a table or move someone.');
    tx.insert(assignments).values({ roundId: round.id, participantId, tableId }).run();
    round.seats.set(participantId, tableId);
    refreshLiveMetrics(tx, state);
    return { result: tableId, details: { participantId, tableId, round: round.number } };
  });
}

export function liveRoundEnds(db: Db): { eventId: string; endsAt: number }[] {
  return db
    .select({ eventId: rounds.eventId, endsAt: rounds.endsAt })
    .from(rounds)
    .where(eq(rounds.status, 'live'))
    .all()
    .map((r) => ({ eventId: r.eventId, endsAt: r.endsAt.getTime() }));
}

/** When the event's live round ends, if one is live. */
export function liveRoundEnd(db: Db, eventId: string): number | undefined {
  return db
    .select({ endsAt: rounds.endsAt })
    .from(rounds)
    .where(and(eq(rounds.eventId, eventId), eq(rounds.status, 'live')))
    .get()
    ?.endsAt.getTime();
}
