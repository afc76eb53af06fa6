import type { EventRow, EventTableRow, ParticipantRow, PlanRow, RoundRow } from '../db/schema/index.js';
import type { MatchPerson, MatchTable, Round } from '../matching/types.js';
import type { CafeState } from './cafe-rules.js';
import { knownPairsRound, tablePins } from './seating-wishes.js';

export interface RoundState extends RoundRow {
  /** participantId → tableId */
  seats: Map<string, number>;
}

/** Everything about one event, read in one go; the input of every rule and view. */
export interface EventState {
  event: EventRow;
  tables: EventTableRow[];
  participants: ParticipantRow[];
  /** Oldest first. */
  rounds: RoundState[];
  /** The stored forward plan, current or not (see planBasis). */
  plan: PlanRow | null;
  /** [who said it, whom they know]: the planner treats the pair as met. */
  knownPairs: [string, string][];
  /** Round questions, the tables' harvest, feedback counters. */
  cafe: CafeState;
}

export type Phase = 'lobby' | 'round' | 'between' | 'finished';

/**
 * A round's seats in the order a state lists them: by participant id, as the database reads them.
 * A seat lists its mates in this order, so every state of a round must list its seats so.
 */
export function seatsInReadOrder(seats: [string, number][]): Map<string, number> {
  return new Map([...seats].sort(([a], [b]) => idOrder(a, b)));
}

/** The participants in the order a state lists them: as they joined, then by id as the database compares it. */
export function participantsInReadOrder(people: ParticipantRow[]): ParticipantRow[] {
  return [...people].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || idOrder(a.id, b.id));
}

/** Ids in binary order, as the database compares text (`inBinaryOrder`); ids are ASCII. */
const idOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function liveRound(state: EventState): RoundState | undefined {
  const last = state.rounds.at(-1);
  return last?.status === 'live' ? last : undefined;
}

export function phaseOf(state: EventState): Phase {
  if (state.event.status === 'finished') return 'finished';
  if (liveRound(state)) return 'round';
  return state.rounds.length === 0 ? 'lobby' : 'between';
}

export function presentParticipants(state: EventState): ParticipantRow[] {
  return state.participants.filter((p) => p.presence === 'present');
}

export function toMatchPerson(p: ParticipantRow): MatchPerson {
  return { id: p.id, organisation: p.organisation, role: p.role, stage: p.stage, interests: p.interests };
}

/** The tables as the engine sees them: hosts and people pinned by their wishes stay at their table. */
export function toMatchTables(state: EventState): MatchTable[] {
  const { pins } = tablePins(state);
  return state.tables.map((t) => ({
    label: t.label,
    seats: t.seats,
    topic: t.topic,
    hostId: pins.get(t.id) ?? null,
  }));
}

/** What the planner treats as met: every round played and the pairs who know each other. */
export function planningHistory(state: EventState, rounds: RoundState[] = state.rounds): Round[] {
  return [...knownPairsRound(state), ...historyOf(state, rounds)];
}

/** A stored round as the matching engine sees it: participant ids per table, in table order. */
export function toMatchRound(state: EventState, round: RoundState): Round {
  const byTable = new Map(state.tables.map((t) => [t.id, [] as string[]]));
  for (const [participantId, tableId] of round.seats) byTable.get(tableId)?.push(participantId);
  return state.tables.map((t) => byTable.get(t.id) ?? []);
}

export function historyOf(state: EventState, rounds: RoundState[] = state.rounds): Round[] {
  return rounds.map((r) => toMatchRound(state, r));
}

/** Everyone the participant shared a table with, in any round. */
export function peopleMet(state: EventState, participantId: string): Set<string> {
  const met = new Set<string>();
  for (const round of state.rounds) {
    const tableId = round.seats.get(participantId);
    if (tableId === undefined) continue;
    for (const [other, otherTable] of round.seats) {
      if (other !== participantId && otherTable === tableId) met.add(other);
    }
  }
  return met;
}

/** Stable per event and round so the preview shows what a start would give. */
export function roundSeed(state: EventState, roundNumber: number): number {
  let h = 2166136261;
  for (const ch of state.event.id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h ^ roundNumber) >>> 0;
}
