import type { ParticipantRow } from '../db/schema/index.js';
import { measure } from '../matching/index.js';
import type { Metrics } from '../matching/types.js';
import type { ViewShape } from '../shared/view-patch.js';
import { moderatorCafe, participantCafe, screenCafe } from './cafe-views.js';
import { type EventState, historyOf, liveRound, phaseOf, toMatchPerson } from './event-state.js';
import { planBasis } from './forward-plan.js';
import { eventRecap } from './recap.js';
import { overfullTables } from './round-rules.js';
import { tablePins } from './seating-wishes.js';
import { interestsSharedAtTable, tableStarter } from './table-talk.js';

/** The event as every audience names it. */
export function eventSummary(state: EventState) {
  const { event } = state;
  return {
    code: event.code,
    title: event.title,
    language: event.language,
    status: event.status,
    phase: phaseOf(state),
    joinOpen: event.joinOpen && event.status === 'active',
  };
}

/** What anyone holding the join link may see. */
export function publicInfo(state: EventState) {
  return {
    ...eventSummary(state),
    participantCount: state.participants.length,
    catalogue: state.event.catalogue,
  };
}

export function timing(state: EventState) {
  const round = liveRound(state);
  return {
    round: round
      ? { number: round.number, startedAt: round.startedAt.getTime(), endsAt: round.endsAt.getTime() }
      : null,
    roundsPlayed: state.rounds.length,
    plannedRounds: state.event.plannedRounds,
    /** The live round goes beyond the planned number: phones and screen say "extra round". */
    extraRound: round !== undefined && round.number > state.event.plannedRounds,
  };
}

function stageCounts(state: EventState) {
  const present = state.participants.filter((p) => p.presence === 'present' || p.presence === 'break');
  return state.event.catalogue.stages.map((s) => ({
    value: s.value,
    count: present.filter((p) => p.stage === s.value).length,
  }));
}

const collators = new Map<string, (a: { name: string }, b: { name: string }) => number>();
function collatorFor(language: string) {
  let compare = collators.get(language);
  if (!compare) {
    const collator = new Intl.Collator(language);
    compare = (a, b) => collator.compare(a.name, b.name);
    collators.set(language, compare);
  }
  return compare;
}

/** The venue screen: display names and table labels only — no organisations, no contacts. */
export function screenView(state: EventState, joinUrl: string) {
  const round = liveRound(state);
  const tables = new Map(state.tables.map((t) => [t.id, t.label]));
  const seating = round
    ? state.participants
        .filter((p) => round.seats.has(p.id) && p.presence === 'present')
        .map((p) => ({ name: p.displayName, table: tables.get(round.seats.get(p.id)!) ?? '' }))
        // One collator for the whole sort: localeCompare with a locale builds one per comparison.
        .sort(collatorFor(state.event.language))
    : [];
  return {
    ...eventSummary(state),
    joinUrl,
    joinedCount: state.participants.length,
    presentCount: state.participants.filter((p) => p.presence === 'present').length,
    stages: state.event.catalogue.stages.map((s) => ({ value: s.value, label: s.label })),
    stageCounts: stageCounts(state),
    seating,
    recap: state.event.status === 'finished' ? eventRecap(state) : null,
    ...timing(state),
    cafe: screenCafe(state),
  };
}

/** What this person shares with the table (nothing, when they chose no interests); one starter per table. */
function tableTalk(state: EventState, me: ParticipantRow, mates: ParticipantRow[], salt: number) {
  const sharedInterests = me.interests.filter((i) => mates.some((m) => m.interests.includes(i)));
  const atTable = interestsSharedAtTable(state.event.catalogue, [me, ...mates]);
  return { sharedInterests, starter: tableStarter(state.event.catalogue, atTable, salt) };
}

interface SeatIndex {
  byId: Map<string, ParticipantRow>;
  tablePosition: Map<number, number>;
  /** tableId → the people seated there in the live round */
  byTable: Map<number, ParticipantRow[]>;
}

// Built once per state and shared by every phone's view, so a push to n phones costs O(n), not O(n²).
const seatIndexes = new WeakMap<EventState, SeatIndex>();

function seatIndex(state: EventState): SeatIndex {
  let index = seatIndexes.get(state);
  if (!index) {
    const byId = new Map(state.participants.map((p) => [p.id, p]));
    const byTable = new Map<number, ParticipantRow[]>();
    for (const [pid, tid] of liveRound(state)?.seats ?? []) {
      const person = byId.get(pid);
      if (person) byTable.set(tid, [...(byTable.get(tid) ?? []), person]);
    }
    index = { byId, byTable, tablePosition: new Map(state.tables.map((t, i) => [t.id, i])) };
    seatIndexes.set(state, index);
  }
  return index;
}

/** What a phone shows of its own person: everything they gave, their contact included. */
export function ownProfile(me: ParticipantRow) {
  return {
    id: me.id,
    displayName: me.displayName,
    organisation: me.organisation,
    role: me.role,
    stage: me.stage,
    interests: me.interests,
    contact: me.contact,
    shareContact: me.shareContact,
    presence: me.presence,
    staySeated: me.staySeated,
    tableNeeds: me.tableNeeds,
  };
}

/** One participant's phone: own profile, own table and mates; never anyone's contact or token. */
export function participantView(state: EventState, participantId: string) {
  const { byId, byTable, tablePosition } = seatIndex(state);
  const me = byId.get(participantId);
  if (!me) return null;
  const round = liveRound(state);
  const tableId = round?.seats.get(me.id);
  const tableIndex = tableId === undefined ? -1 : (tablePosition.get(tableId) ?? -1);
  const table = state.tables[tableIndex];
  let seat = null;
  if (round && table) {
    const mates = (byTable.get(table.id) ?? []).filter((p) => p.id !== me.id);
    seat = {
      table: { label: table.label, topic: table.topic },
      mates: mates.map((m) => ({
        id: m.id,
        /** Only what I said myself: whether the mate said it of me is never shown. */
        known: state.knownPairs.some(([by, other]) => by === me.id && other === m.id),
        name: m.displayName,
        role: m.role,
        organisation: m.organisation,
        stage: m.stage,
      })),
      ...tableTalk(state, me, mates, round.number * 31 + tableIndex),
    };
  }
  return {
    // The catalogue is fetched once from the public info; pushes stay small.
    event: eventSummary(state),
    me: ownProfile(me),
    seat,
    ...timing(state),
    cafe: participantCafe(state, me),
  };
}

export type ParticipantView = NonNullable<ReturnType<typeof participantView>>;
export type ScreenView = ReturnType<typeof screenView>;
export type ModeratorView = ReturnType<typeof moderatorView>;

/** Pair meetings between roles over all rounds: the moderator's "who met whom" picture. */
export function roleMatrix(state: EventState) {
  const roleOf = new Map(state.participants.map((p) => [p.id, p.role]));
  const keys = state.event.catalogue.roles.map((r) => r.key);
  const counts = keys.map(() => keys.map(() => 0));
  for (const round of state.rounds) {
    const byTable = new Map<number, string[]>();
    for (const [pid, tid] of round.seats) byTable.set(tid, [...(byTable.get(tid) ?? []), pid]);
    for (const ids of byTable.values()) {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const a = keys.indexOf(roleOf.get(ids[i]!) ?? '');
          const b = keys.indexOf(roleOf.get(ids[j]!) ?? '');
          if (a < 0 || b < 0) continue;
          counts[a]![b]! += 1;
          if (a !== b) counts[b]![a]! += 1;
        }
      }
    }
  }
  return { roles: keys, counts };
}

/** By table number, so that a late arrival changes one table's entry and moves none. */
function seatingByTable(seats: Map<string, number>): { tableId: number; people: string[] }[] {
  const byTable = new Map<number, string[]>();
  for (const [participantId, tableId] of seats) {
    const people = byTable.get(tableId);
    if (people) people.push(participantId);
    else byTable.set(tableId, [participantId]);
  }
  return [...byTable].sort(([a], [b]) => a - b).map(([tableId, people]) => ({ tableId, people }));
}

/** The forward plan as the console shows it; `current: false` means a re-plan is on its way. */
function planSummary(state: EventState) {
  if (!state.plan) return null;
  return {
    current: state.plan.basisKey === planBasis(state),
    rounds: state.plan.rounds.length,
    firstRound: state.rounds.length + 1,
    metrics: state.plan.metrics,
    eveningMetrics: state.plan.eveningMetrics,
    computedAt: state.plan.computedAt.getTime(),
  };
}

/** The console view's lists that a push patches item by item rather than resending whole. */
export const moderatorViewLists: ViewShape = {
  participants: { key: 'id' },
  tables: { key: 'id' },
  rounds: { key: 'number' },
  seatings: { key: 'number', lists: { seating: { key: 'tableId' } } },
};

/** A person as the console lists them; `tableId`: their seat in the live round. */
function consoleRow(p: ParticipantRow, tableId: number | null) {
  return {
    id: p.id,
    displayName: p.displayName,
    organisation: p.organisation,
    role: p.role,
    stage: p.stage,
    interests: p.interests,
    presence: p.presence,
    walkIn: p.walkIn,
    simulated: p.simulated,
    /** Asked to stay at one table / for a kind of table; the reason is never asked. */
    staySeated: p.staySeated,
    tableNeeds: p.tableNeeds,
    sharesContact: p.shareContact && p.contact !== null,
    joinedAt: p.joinedAt.getTime(),
    tableId,
  };
}

/**
 * Each person's console row, the very same object while their row (never changed once read) and
 * their seat are: a push with a full room builds, and its patch compares, only the rows that changed.
 */
const consoleRows = new WeakMap<
  ParticipantRow,
  { tableId: number | null; row: ReturnType<typeof consoleRow> }
>();

function keptConsoleRow(p: ParticipantRow, tableId: number | null): ReturnType<typeof consoleRow> {
  const kept = consoleRows.get(p);
  if (kept?.tableId === tableId) return kept.row;
  const row = consoleRow(p, tableId);
  consoleRows.set(p, { tableId, row });
  return row;
}

/**
 * The evening's metrics, kept while the rounds and the tables are the very same objects and so is
 * the row of everyone seated in them: a join outside a round, which seats nobody, measures nothing.
 */
const eveningMetrics = new WeakMap<
  EventState['rounds'],
  { tables: EventState['tables']; seated: Map<string, ParticipantRow>; metrics: Metrics }
>();

function overallMetrics(state: EventState): Metrics | null {
  if (state.rounds.length === 0) return null;
  const kept = eveningMetrics.get(state.rounds);
  if (kept && kept.tables === state.tables) {
    let same = 0;
    for (const p of state.participants) if (kept.seated.get(p.id) === p) same++;
    if (same === kept.seated.size) return kept.metrics;
  }
  const metrics = measure(historyOf(state), state.participants.map(toMatchPerson));
  const seatedIds = new Set(state.rounds.flatMap((r) => [...r.seats.keys()]));
  const seated = new Map(state.participants.filter((p) => seatedIds.has(p.id)).map((p) => [p.id, p]));
  eveningMetrics.set(state.rounds, { tables: state.tables, seated, metrics });
  return metrics;
}

export function moderatorView(state: EventState, links: { join: string }) {
  const round = liveRound(state);
  const usedTables = new Set(state.rounds.flatMap((r) => [...r.seats.values()]));
  const overall = overallMetrics(state);
  return {
    event: {
      // The catalogue comes once from the public info: every push of the console stays small.
      ...eventSummary(state),
      participantCount: state.participants.length,
      minutesPerRound: state.event.minutesPerRound,
      matching: state.event.matching,
      version: state.event.version,
      createdAt: state.event.createdAt.getTime(),
      finishedAt: state.event.finishedAt?.getTime() ?? null,
    },
    links,
    tables: state.tables.map((t) => ({
      id: t.id,
      label: t.label,
      seats: t.seats,
      topic: t.topic,
      hostParticipantId: t.hostParticipantId,
      features: t.features,
      /** A table earlier rounds used cannot be removed (the history points at it). */
      usedInRounds: usedTables.has(t.id),
    })),
    participants: state.participants.map((p) => keptConsoleRow(p, round?.seats.get(p.id) ?? null)),
    rounds: state.rounds.map((r) => ({
      number: r.number,
      status: r.status,
      startedAt: r.startedAt.getTime(),
      endsAt: r.endsAt.getTime(),
      endedAt: r.endedAt?.getTime() ?? null,
      seated: r.seats.size,
      metrics: r.metrics,
    })),
    /**
     * Who sat where in each round by participant id (unambiguous where two share a name), grouped per
     * table; apart from `rounds` so that an extend, which changes a round's times, patches only those.
     */
    seatings: state.rounds.map((r) => ({ number: r.number, seating: seatingByTable(r.seats) })),
    plan: planSummary(state),
    /** People whose wish to stay seated or for a kind of table no free table can meet. */
    unmetWishes: tablePins(state).unmet.map((p) => p.id),
    overfullTables: overfullTables(state),
    metrics: overall,
    roleMatrix: roleMatrix(state),
    ...timing(state),
    cafe: moderatorCafe(state),
  };
}
