import type { ParticipantRow } from '../db/schema/index.js';
import { conflict } from '../errors.js';
import { CapacityError, LateArrivals, measure, RoundMeasure } from '../matching/index.js';
import type { Metrics, Round } from '../matching/types.js';
import {
  type EventState,
  historyOf,
  liveRound,
  planningHistory,
  presentParticipants,
  seatsInReadOrder,
  toMatchPerson,
  toMatchRound,
} from './event-state.js';
import { planSteps } from './forward-plan.js';
import { tablePins, tableSuits } from './seating-wishes.js';

export interface PlannedRound {
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

/** What a start needs besides a plan: a running event, no live round, somebody present, enough seats. */
export function assertCanStart(state: EventState): void {
  assertActive(state);
  if (liveRound(state)) throw conflict('round_live', 'A round is already running; end it first.');
  const present = presentParticipants(state).length;
  if (present === 0) throw conflict('nobody_present', 'Nobody is present to seat.');
  const unsuited = tablePins(state).unmet.filter((p) => p.tableNeeds.length > 0);
  if (unsuited.length > 0) {
    throw conflict(
      'not_enough_suitable_tables',
      `${unsuited.length} people asked for a step-free or quiet table and none is left for them: mark more tables.`,
      { people: unsuited.map((p) => p.id) },
    );
  }
  const seats = seatsAvailable(state);
  if (present > seats) {
    throw conflict(
      'not_enough_seats',
      `${present} people are present but the tables have ${seats} seats: add tables or seats.`,
      { people: present, seats },
    );
  }
}

export function seatsAvailable(state: EventState): number {
  return state.tables.reduce((sum, t) => sum + Math.max(0, t.seats), 0);
}

/**
 * The seats a start commits for a planned round (participant → table id, its i-th group at the
 * state's i-th table), listed as the state after the start lists them.
 */
export function plannedSeats(state: EventState, round: Round): Map<string, number> {
  return seatsInReadOrder(
    round.flatMap((ids, index) => ids.map((id): [string, number] => [id, state.tables[index]!.id])),
  );
}

/** The number the next round starts with. */
export function nextRoundNumber(state: EventState): number {
  return state.rounds.length + 1;
}

/** The plan's next round, as the preview shows it and a start commits it. */
export function nextPlannedRound(state: EventState, plan: Round[]): PlannedRound {
  const history = historyOf(state);
  const next = plan[0]!;
  return {
    number: nextRoundNumber(state),
    plan: next,
    metrics: planSteps(state)?.[0]?.round ?? measure([next], state.participants.map(toMatchPerson), history),
  };
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
  return lateArrivalTables(state, [participantId]).seated.get(participantId) ?? null;
}

/**
 * Where people arriving together sit in the live round, one after the other, each knowing where the
 * ones before sat; nobody moves. The room as the engine sees it is built once for all of them, not
 * once per person: a burst of late arrivals at 2,000 people rebuilt it for every one. Present people
 * without a seat only; one who finds no seat is not in the answer.
 * `carried`: the room an earlier call left, when the caller knows it is the room of exactly this
 * state (nothing changed since but those arrivals); it is then carried on instead of built again. The
 * answer's room (null when none was needed) holds everyone seated, for such a next call.
 */
export function lateArrivalTables(
  state: EventState,
  participantIds: string[],
  carried: LateArrivals | null = null,
): { seated: Map<string, number>; room: LateArrivals | null } {
  const found = new Map<string, number>();
  const round = liveRound(state);
  if (!round) return { seated: found, room: null };
  const seats = new Map(round.seats);
  // The state with the seats taken so far, for the wishes (who is pinned where follows the seats).
  const seatedSoFar = { ...state, rounds: [...state.rounds.slice(0, -1), { ...round, seats }] };
  const byId = new Map(state.participants.map((p) => [p.id, p]));
  const position = new Map(state.tables.map((t, i) => [t.id, i]));
  let room = carried;
  for (const id of participantIds) {
    const person = byId.get(id);
    if (!person || seats.has(id) || person.presence !== 'present') continue;
    let tableId = wishedTable(seatedSoFar, person, seats);
    if (tableId !== undefined) room?.sitDown(toMatchPerson(person), position.get(tableId)!);
    else {
      room ??= new LateArrivals({
        round: toMatchRound(seatedSoFar, seatedSoFar.rounds.at(-1)!),
        // The engine reads each table's seats and topic; who hosts it does not change where one sits.
        tables: state.tables.map((t) => ({ label: t.label, seats: t.seats, topic: t.topic, hostId: null })),
        people: state.participants.map(toMatchPerson),
        history: planningHistory(state, state.rounds.slice(0, -1)),
      });
      try {
        tableId = state.tables[room.seat(toMatchPerson(person))]?.id;
      } catch (error) {
        if (!(error instanceof CapacityError)) throw error;
      }
    }
    if (tableId === undefined) continue;
    seats.set(id, tableId);
    found.set(id, tableId);
  }
  return { seated: found, room };
}

/**
 * A late arrival who asked to stay at one table or for a kind of table: their pinned table when
 * people sit there, else the least full table in use that suits them. Undefined: no wish to honour.
 */
function wishedTable(
  state: EventState,
  person: EventState['participants'][number],
  seats: Map<string, number>,
): number | undefined {
  if (!person.staySeated && person.tableNeeds.length === 0) return undefined;
  const seated = new Map<number, number>();
  for (const t of seats.values()) seated.set(t, (seated.get(t) ?? 0) + 1);
  const pinned = [...tablePins(state).pins].find(([, id]) => id === person.id)?.[0];
  if (pinned !== undefined && seated.has(pinned)) return pinned;
  if (person.tableNeeds.length === 0) return undefined;
  const suitable = state.tables.filter((t) => seated.has(t.id) && tableSuits(t, person.tableNeeds));
  suitable.sort((a, b) => seated.get(a.id)! - seated.get(b.id)!);
  return suitable[0]?.id;
}

/**
 * A moderator's move keeps the hard rules: no table over its seats, nobody left or put alone. A swap
 * with someone at the target table exchanges two seats, which keeps every table's size.
 */
export function assertCanMove(
  state: EventState,
  participantId: string,
  tableId: number,
  swapWith?: string,
): void {
  const round = requireLiveRound(state);
  const table = state.tables.find((t) => t.id === tableId);
  if (!table) throw conflict('unknown_table', 'That table does not exist in this event.');
  if (!state.participants.some((p) => p.id === participantId))
    throw conflict('unknown_participant', 'Unknown participant.');
  const from = round.seats.get(participantId);
  const person = state.participants.find((p) => p.id === participantId)!;
  if (from !== tableId && !tableSuits(table, person.tableNeeds))
    throw conflict('table_unsuitable', `Table ${table.label} is not a kind of table this person asked for.`);
  if (swapWith !== undefined) {
    const other = state.participants.find((p) => p.id === swapWith);
    if (!other || round.seats.get(swapWith) !== tableId || from === undefined)
      throw conflict('not_at_table', 'Both people must be seated, the other one at the target table.');
    const fromTable = state.tables.find((t) => t.id === from)!;
    if (!tableSuits(fromTable, other.tableNeeds))
      throw conflict(
        'table_unsuitable',
        `Table ${fromTable.label} is not a kind of table the other person asked for.`,
      );
    return;
  }
  if (from === tableId) return;
  const seatedAt = (id: number) => [...round.seats.values()].filter((t) => t === id).length;
  if (seatedAt(tableId) >= table.seats)
    throw conflict('table_full', `Table ${table.label} has no free seat.`);
  if (seatedAt(tableId) === 0 && round.seats.size > 1)
    throw conflict('would_sit_alone', `Nobody sits at table ${table.label}: the person would sit alone.`);
  if (from !== undefined && seatedAt(from) === 2)
    throw conflict('would_leave_alone', 'The move would leave one person alone at their table.');
}

/** Tables of the live round seating more people than they have seats (late arrivals): the console says so. */
export function overfullTables(state: EventState): { tableId: number; seated: number; seats: number }[] {
  const round = liveRound(state);
  if (!round) return [];
  const seated = new Map<number, number>();
  for (const t of round.seats.values()) seated.set(t, (seated.get(t) ?? 0) + 1);
  return state.tables
    .filter((t) => (seated.get(t.id) ?? 0) > t.seats)
    .map((t) => ({ tableId: t.id, seated: seated.get(t.id)!, seats: t.seats }));
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

/**
 * The live round's quality once the arrivals sat down (`seated`: participant → table, for those of
 * `arrivals` who found a seat), the state already holding their seats. `carried`: the measure the
 * arrivals before them left, when the caller knows it is the measure of exactly the state before
 * (nothing changed since but these arrivals); it is carried on instead of measuring the round and
 * its history again. The answer's measure holds them, for such a next call.
 */
export function arrivalsMetrics(
  state: EventState,
  arrivals: ParticipantRow[],
  seated: Map<string, number>,
  carried: RoundMeasure | null,
): { metrics: Metrics; measure: RoundMeasure } {
  const round = requireLiveRound(state);
  if (!carried) {
    const measured = new RoundMeasure(
      toMatchRound(state, round),
      state.participants.map(toMatchPerson),
      historyOf(state, state.rounds.slice(0, -1)),
    );
    return { metrics: measured.metrics(), measure: measured };
  }
  const position = new Map(state.tables.map((t, i) => [t.id, i]));
  for (const person of arrivals) {
    const t = position.get(seated.get(person.id) ?? Number.NaN);
    if (t !== undefined) carried.sitDown(toMatchPerson(person), t);
  }
  return { metrics: carried.metrics(), measure: carried };
}
