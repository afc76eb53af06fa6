import { conflict } from '../errors.js';
import { CapacityError, measure, planRound, seatLateArrival } from '../matching/index.js';
import type { Metrics, Round } from '../matching/types.js';
import {
  type EventState,
  historyOf,
  liveRound,
  presentParticipants,
  roundSeed,
  toMatchPerson,
  toMatchRound,
  toMatchTables,
} from './event-state.js';

export interface PlannedRound {
  /** The event version the plan was made from; it is valid only while the event is unchanged. */
  basedOnVersion: number;
  number: number;
  /** Participant ids per table, in the order of state.tables. */
  plan: Round;
  metrics: Metrics;
}

const MINUTE = 60_000;

export function assertActive(state: EventState): void {
  if (state.event.status === 'finished') throw conflict('event_finished', 'The event has finished.');
}

export function requireLiveRound(state: EventState) {
  const round = liveRound(state);
  if (!round) throw conflict('no_live_round', 'No round is running.');
  return round;
}

/** The next round as the matching engine plans it; the preview and the start share it. */
export function planNextRound(state: EventState): PlannedRound {
  assertActive(state);
  if (liveRound(state)) throw conflict('round_live', 'A round is already running; end it first.');
  const present = presentParticipants(state);
  if (present.length === 0) throw conflict('nobody_present', 'Nobody is present to seat.');
  const number = state.rounds.length + 1;
  const history = historyOf(state);
  const tables = toMatchTables(state);
  try {
    const plan = planRound({
      people: present.map(toMatchPerson),
      tables,
      history,
      options: { seed: roundSeed(state, number), ...state.event.matching },
    });
    return {
      basedOnVersion: state.event.version,
      number,
      plan,
      metrics: measure([plan], state.participants.map(toMatchPerson), history),
    };
  } catch (error) {
    if (error instanceof CapacityError) {
      throw conflict(
        'not_enough_seats',
        `${error.people} people are present but the tables have ${error.seats} seats: add tables or seats.`,
        { people: error.people, seats: error.seats },
      );
    }
    throw error;
  }
}

export function roundTiming(state: EventState, now: number): { startedAt: Date; endsAt: Date } {
  return { startedAt: new Date(now), endsAt: new Date(now + state.event.minutesPerRound * MINUTE) };
}

export function extendedEnd(state: EventState, minutes: number, now: number): Date {
  const round = requireLiveRound(state);
  return new Date(Math.max(round.endsAt.getTime(), now) + minutes * MINUTE);
}

/** Where a present person without a seat sits in the live round, moving nobody; null when no seat is free. */
export function lateArrivalTable(state: EventState, participantId: string): number | null {
  const round = liveRound(state);
  const person = state.participants.find((p) => p.id === participantId);
  if (!round || !person || person.presence !== 'present' || round.seats.has(participantId)) return null;
  try {
    const index = seatLateArrival({
      person: toMatchPerson(person),
      round: toMatchRound(state, round),
      tables: toMatchTables(state),
      people: state.participants.map(toMatchPerson),
      history: historyOf(state, state.rounds.slice(0, -1)),
    });
    return state.tables[index]?.id ?? null;
  } catch (error) {
    if (error instanceof CapacityError) return null;
    throw error;
  }
}

/** A moderator's move keeps the hard rule: no table over its seats. */
export function assertCanMove(state: EventState, participantId: string, tableId: number): void {
  const round = requireLiveRound(state);
  const table = state.tables.find((t) => t.id === tableId);
  if (!table) throw conflict('unknown_table', 'That table does not exist in this event.');
  if (!state.participants.some((p) => p.id === participantId))
    throw conflict('unknown_participant', 'Unknown participant.');
  const seated = [...round.seats].filter(([id, t]) => t === tableId && id !== participantId).length;
  if (seated >= table.seats) throw conflict('table_full', `Table ${table.label} has no free seat.`);
}

/** The live round's quality as it stands now, after moves and late arrivals changed it. */
export function liveRoundMetrics(state: EventState): Metrics {
  const round = requireLiveRound(state);
  return measure(
    [toMatchRound(state, round)],
    state.participants.map(toMatchPerson),
    historyOf(state, state.rounds.slice(0, -1)),
  );
}
