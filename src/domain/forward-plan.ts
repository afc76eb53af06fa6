import type { StoredPlanRound } from '../db/schema/index.js';
import { repeatLowerBound } from '../matching/index.js';
import type { PlanScheduleInput, PlanStep, Round, TableUse } from '../matching/types.js';
import { resolveTableUse } from './event-settings.js';
import {
  type EventState,
  historyOf,
  presentParticipants,
  type RoundState,
  roundSeed,
  toMatchPerson,
  toMatchTables,
} from './event-state.js';
import { tablePins } from './seating-wishes.js';

/**
 * What a forward plan depends on: who is present, the tables, every seat of the rounds played (a
 * move changes who met whom), the planned rounds and the matching options. Not the event version:
 * storing a plan or renaming the event leaves it valid.
 */
export function planBasis(state: EventState): string {
  return basisKey(basisParts(state));
}

/**
 * The parts of a plan's basis, each hashed on its own: a round start keys the state after it by
 * adding one round's hash to the parts of the state before, instead of hashing every seat again.
 */
export interface BasisParts {
  present: string;
  tables: string;
  /** one hash per round played, in order */
  rounds: string[];
  /** the planned rounds, the matching options and the "we know each other" marks */
  settings: string;
}

// An ended round's seats never change in place (a move or a late arrival changes the live round, an
// erasure is read afresh), and a command's copy of the state shares them: each is hashed once.
const endedRounds = new WeakMap<Map<string, number>, string>();

function playedRoundBasis(round: RoundState): string {
  if (round.status === 'live') return roundBasis(round.seats);
  return remembered(endedRounds, round.seats, () => roundBasis(round.seats));
}

// A state's list of people is never changed in place either (a change makes a new list): a round
// start and every reader of the same version share it, and with it its hash.
const presentOf = new WeakMap<EventState['participants'], string>();

function presentBasis(state: EventState): string {
  return remembered(presentOf, state.participants, () => {
    const present = presentParticipants(state)
      .map(
        (p) =>
          `${p.id}:${p.organisation ?? ''}:${p.role ?? ''}:${p.stage ?? ''}:${p.interests.join(',')}:${p.staySeated}:${p.tableNeeds.join(',')}`,
      )
      .sort();
    return hashText(JSON.stringify(present));
  });
}

function remembered<K extends object>(memo: WeakMap<K, string>, key: K, compute: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}

export function basisParts(state: EventState): BasisParts {
  const { pins } = tablePins(state);
  const tables = state.tables.map((t) => [t.id, t.seats, t.topic, pins.get(t.id) ?? null, t.features]);
  const { plannedRounds, matching } = state.event;
  return {
    present: presentBasis(state),
    tables: hashText(JSON.stringify(tables)),
    rounds: state.rounds.map(playedRoundBasis),
    settings: hashText(JSON.stringify([plannedRounds, matching, state.knownPairs])),
  };
}

/** One round's part of the basis: its seats, in any order. */
export function roundBasis(seats: Map<string, number>): string {
  return hashText(
    [...seats]
      .map(([pid, tid]) => `${pid}@${tid}`)
      .sort()
      .join(' '),
  );
}

export function basisKey({ present, tables, rounds, settings }: BasisParts): string {
  return hashText(`${present} ${tables} ${settings} ${rounds.join(' ')}`);
}

const hashText = (text: string) => hash53(text).toString(36);

/** cyrb53: a fast 53-bit string hash; pure, so the domain (and the web client's types) need no crypto. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Rounds still to plan: the planned ones not yet started, and always one more than that at the end. */
export function roundsAhead(state: EventState): number {
  return Math.max(1, state.event.plannedRounds - state.rounds.length);
}

/** The stored plan's rounds, when it was made for the event as it stands now. */
export function currentPlan(state: EventState, basis?: string): Round[] | null {
  if (!state.plan || state.plan.rounds.length === 0) return null;
  if (state.plan.basisKey !== (basis ?? planBasis(state))) return null;
  return fromStoredRounds(state, state.plan.rounds);
}

/** The stored plan's measured steps, when they describe its rounds (older plans were stored without). */
export function planSteps(state: EventState): PlanStep[] | null {
  const steps = state.plan?.steps;
  return steps && steps.length === state.plan!.rounds.length ? steps : null;
}

export function fromStoredRounds(state: EventState, stored: StoredPlanRound[]): Round[] {
  return stored.map((round) => {
    const byTable = new Map(round.map((t) => [t.tableId, t.people]));
    return state.tables.map((t) => byTable.get(t.id) ?? []);
  });
}

export function toStoredRounds(state: EventState, rounds: Round[]): StoredPlanRound[] {
  return rounds.map((round) =>
    state.tables.map((t, i) => ({ tableId: t.id, people: round[i] ?? [] })).filter((t) => t.people.length),
  );
}

/**
 * The engine's input for the remaining rounds: the people present, every round played (the live one
 * included) as history, and the stored plan as warm start, so a re-plan keeps what still fits.
 */
export function forwardPlanInput(state: EventState, box: { timeMs: number; effortMs: number }) {
  const { matching } = state.event;
  const input: PlanScheduleInput = {
    people: presentParticipants(state).map(toMatchPerson),
    tables: toMatchTables(state),
    history: historyOf(state),
    met: state.knownPairs,
    rounds: roundsAhead(state),
    options: {
      seed: roundSeed(state, state.rounds.length + 1),
      ...(matching.weights && { weights: matching.weights }),
      tableUse: tableUseOf(state),
      ...box,
    },
  };
  if (state.plan) input.warmStart = fromStoredRounds(state, state.plan.rounds);
  return input;
}

/** Whether a round may start now, apart from seating: the rule both the start and the planner read. */
export function canPlanAhead(state: EventState): boolean {
  return state.event.status === 'active' && presentParticipants(state).length > 0;
}

export function tableUseOf(state: EventState): TableUse {
  return resolveTableUse(
    state.event.matching,
    state.tables.map((t) => t.seats),
  );
}

/**
 * Repeats no seating can avoid over the planned evening with the table sizes of the plan's next
 * round (everyone attending every round): the console says so in words instead of showing red.
 */
export function unavoidableRepeats(state: EventState, plan: Round[]): number {
  const sizes = (plan[0] ?? []).map((t) => t.length).filter((n) => n > 0);
  const people = sizes.reduce((a, b) => a + b, 0);
  return repeatLowerBound(people, sizes, Math.max(state.event.plannedRounds, state.rounds.length + 1));
}
