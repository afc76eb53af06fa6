import type { ParticipantRow } from '../db/schema/index.js';
import { participantCafes } from '../domain/cafe-views.js';
import { type EventState, liveRound } from '../domain/event-state.js';
import { interestsSharedAtTable, tableStarter } from '../domain/table-talk.js';
import { eventSummary, ownProfile, timing } from '../domain/views.js';
import { etagOf } from './etag.js';

/** What the people at one table share: their label, their starter, each of them as a mate. */
interface TableParts {
  table: string;
  starter: string;
  members: ParticipantRow[];
  /** per member, as a mate: [not marked known, marked known] */
  asMate: Map<string, [string, string]>;
  /** interest → how many at the table chose it */
  interestCount: Map<string, number>;
}

/** A round's number and seats: the live one, or the one a start is about to seat. */
export interface SeatedRound {
  number: number;
  seats: Map<string, number>;
}

/**
 * Every phone's personal parts for the round the next start will seat (the forward plan's next
 * round), built ahead — during the round before or between rounds — so that the start's push only
 * splices them. Used only for a state they fit: a live round of that number with exactly these seats,
 * the same tables in the same order, the same "we know each other" marks and catalogue, and every
 * seated person's profile as it was. States are shared and never changed, so the same rows, tables
 * and marks as prepared from fit at a glance (the start's state keeps them); a state read afresh
 * after the round's end holds other rows of the same people, and those are compared.
 */
export class PreparedParts {
  private readonly surroundings: SeatSurroundings;
  /** the seated people's rows, as prepared from */
  private readonly rows = new Map<string, ParticipantRow>();

  constructor(
    from: EventState,
    private readonly round: SeatedRound,
    private readonly byPerson: Map<string, PersonalParts>,
  ) {
    this.surroundings = surroundingsOf(from);
    for (const p of from.participants) if (byPerson.has(p.id)) this.rows.set(p.id, p);
  }

  fits(state: EventState): boolean {
    const live = liveRound(state);
    if (!live || live.number !== this.round.number || live.seats.size !== this.round.seats.size) return false;
    // In order too: a seat lists its mates in the order the round's seats are listed.
    const prepared = this.round.seats.entries();
    for (const [pid, tid] of live.seats) {
      const [preparedPid, preparedTid] = prepared.next().value ?? [];
      if (preparedPid !== pid || preparedTid !== tid) return false;
    }
    if (!showsTheSame(this.surroundings, state)) return false;
    let seated = 0;
    for (const p of state.participants) {
      const row = this.rows.get(p.id);
      if (!row) continue;
      if (row !== p && !sameProfile(ownProfile(row), ownProfile(p))) return false;
      seated++;
    }
    return seated === this.rows.size;
  }

  personal(participantId: string): PersonalParts | undefined {
    return this.byPerson.get(participantId);
  }
}

type OwnProfile = ReturnType<typeof ownProfile>;

/** A mate shows part of a profile and the seat's shared interests read its interests: all of it counts. */
function sameProfile(a: OwnProfile, b: OwnProfile): boolean {
  for (const key of Object.keys(a) as (keyof OwnProfile)[]) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** The very object (states are never changed), or one that reads the same. */
const same = <T>(a: T, b: T, key: (value: T) => string) => a === b || key(a) === key(b);

/** What every seat's parts read besides its people: the tables in order, the marks, the catalogue. */
interface SeatSurroundings {
  tables: EventState['tables'];
  knownPairs: EventState['knownPairs'];
  catalogue: EventState['event']['catalogue'];
}

const surroundingsOf = (state: EventState): SeatSurroundings => ({
  tables: state.tables,
  knownPairs: state.knownPairs,
  catalogue: state.event.catalogue,
});

const showsTheSame = (parts: SeatSurroundings, state: EventState) =>
  same(parts.tables, state.tables, tablesKey) &&
  same(parts.knownPairs, state.knownPairs, knownKey) &&
  same(parts.catalogue, state.event.catalogue, JSON.stringify);

const tablesKey = (tables: EventState['tables']) =>
  JSON.stringify(tables.map((t) => [t.id, t.label, t.topic]));
const knownKey = (knownPairs: EventState['knownPairs']) =>
  knownPairs
    .map(([by, other]) => `${by} ${other}`)
    .sort()
    .join('\n');

/** What only this person's view holds: their own profile and their seat, serialised, and an etag of both. */
export interface PersonalParts {
  own: string;
  seat: string;
  etag: string;
}

const personalParts = (own: string, seat: string): PersonalParts => ({
  own,
  seat,
  etag: etagOf(`${own}\n${seat}`),
});

/**
 * Builds PreparedParts a slice of people per call, so that no turn of the event loop holds the
 * whole room: `step` answers the result once everyone is done.
 */
export class PartsPreparation {
  private readonly views: PhoneViews;
  private readonly ids: string[];
  private readonly parts = new Map<string, PersonalParts>();
  private next = 0;

  constructor(
    private readonly state: EventState,
    private readonly round: SeatedRound,
  ) {
    this.views = new PhoneViews(state, { round });
    this.ids = [...round.seats.keys()];
  }

  step(people: number): PreparedParts | null {
    const end = Math.min(this.ids.length, this.next + people);
    for (; this.next < end; this.next++) {
      const id = this.ids[this.next]!;
      const parts = this.views.personal(id);
      if (parts) this.parts.set(id, parts);
    }
    if (this.next < this.ids.length) return null;
    return new PreparedParts(this.state, this.round, this.parts);
  }
}

/**
 * What the views of the version before leave to the next: what their seats read, who sat where, and
 * each person's parts built so far. A join carries its state forward (the same rows, tables and
 * marks), so a person whose row, table and table-mates are the very ones of the version before has
 * the same parts: they are taken over instead of built again for every phone at every push.
 */
export interface EarlierParts extends SeatSurroundings {
  roundNumber: number | null;
  byId: Map<string, ParticipantRow>;
  seats: Map<string, number>;
  byTable: Map<number, ParticipantRow[]>;
  personals: Map<string, PersonalParts>;
}

/**
 * Every phone's view of one committed state, serialised per table rather than per person: the
 * event, the timing and each table's parts are serialised once and spliced, so a push to n phones
 * costs little more than n copies of their own profile. The text is exactly
 * JSON.stringify(participantView(state, id)) — participantView stays the rule of what a phone may see.
 */
export class PhoneViews {
  private readonly byId: Map<string, ParticipantRow>;
  private readonly seats: Map<string, number>;
  private readonly tableIndex: Map<number, number>;
  private readonly byTable = new Map<number, ParticipantRow[]>();
  private readonly tables = new Map<number, TableParts>();
  private readonly known: Set<string>;
  private readonly head: string;
  private readonly tail: string;
  private readonly roundNumber: number | null;
  private readonly cafe: ReturnType<typeof participantCafes>;

  private readonly prepared: PreparedParts | null;
  /** each person's parts built so far: what the next version's views may take over */
  private readonly personals = new Map<string, PersonalParts>();
  private readonly earlier: EarlierParts | null;
  /** per table: whether its people are the very ones of the version before, in the same order */
  private readonly tableUnchanged = new Map<number, boolean>();
  private sharedEtag: string | undefined;
  private questionJson: string | undefined;
  /** each table's harvest, as the café part shares it, serialised */
  private readonly harvests = new Map<unknown, string>();

  /**
   * `round` stands in for the live round (to prepare the next one's seats); `prepared` seats are
   * spliced where they fit this state; `earlier` parts are taken over where they still hold.
   */
  constructor(
    private readonly state: EventState,
    options: { round?: SeatedRound; prepared?: PreparedParts | null; earlier?: EarlierParts | null } = {},
  ) {
    this.byId = new Map(state.participants.map((p) => [p.id, p]));
    const round = options.round ?? liveRound(state);
    this.prepared = options.prepared?.fits(state) ? options.prepared : null;
    this.roundNumber = round?.number ?? null;
    this.seats = round?.seats ?? new Map();
    for (const [pid, tid] of this.seats) {
      const person = this.byId.get(pid);
      if (!person) continue;
      const at = this.byTable.get(tid);
      if (at) at.push(person);
      else this.byTable.set(tid, [person]);
    }
    this.tableIndex = new Map(state.tables.map((t, i) => [t.id, i]));
    this.known = new Set(state.knownPairs.map(([by, other]) => `${by} ${other}`));
    this.head = `{"event":${JSON.stringify(eventSummary(state))},"me":`;
    this.tail = `,${JSON.stringify(timing(state)).slice(1, -1)}`;
    this.cafe = participantCafes(state);
    const earlier = options.earlier;
    this.earlier =
      earlier && earlier.roundNumber === this.roundNumber && showsTheSame(earlier, state) ? earlier : null;
  }

  /** What the next version's views may take over (see EarlierParts). */
  get parts(): EarlierParts {
    return {
      ...surroundingsOf(this.state),
      roundNumber: this.roundNumber,
      byId: this.byId,
      seats: this.seats,
      byTable: this.byTable,
      personals: this.personals,
    };
  }

  /** Null when the participant no longer exists (erased). */
  json(participantId: string): string | null {
    return this.built(participantId)?.json ?? null;
  }

  /**
   * The view and its etag. The etag hashes the person's own short parts with the etags of the long
   * shared ones (the event and timing once per push, the seat once per person, prepared between
   * rounds), so equal views have equal etags and a push need not hash every phone's whole view.
   */
  built(participantId: string): { json: string; etag: string } | null {
    const me = this.byId.get(participantId);
    if (!me) return null;
    let parts = this.personals.get(me.id);
    if (!parts) {
      parts = this.prepared?.personal(me.id) ?? this.takenOver(me) ?? this.personalOf(me);
      this.personals.set(me.id, parts);
    }
    const { own, seat, etag } = parts;
    const cafe = this.cafeJson(me);
    this.sharedEtag ??= etagOf(`${this.head}\n${this.tail}`);
    return {
      json: `${this.head}${own},"seat":${seat}${this.tail},"cafe":${cafe}}`,
      etag: etagOf(`${this.sharedEtag}${etag}${cafe}`),
    };
  }

  /** Own profile and seat of one person; null when the participant no longer exists. */
  personal(participantId: string): PersonalParts | null {
    const me = this.byId.get(participantId);
    return me ? this.personalOf(me) : null;
  }

  /** The version before's parts of this person, when their row, table and table-mates are the very same. */
  private takenOver(me: ParticipantRow): PersonalParts | undefined {
    const earlier = this.earlier;
    const parts = earlier?.personals.get(me.id);
    if (!earlier || !parts || earlier.byId.get(me.id) !== me) return undefined;
    const tableId = this.seats.get(me.id);
    if (tableId !== earlier.seats.get(me.id)) return undefined;
    if (tableId !== undefined && !this.sameTable(tableId, earlier)) return undefined;
    return parts;
  }

  private sameTable(tableId: number, earlier: EarlierParts): boolean {
    let unchanged = this.tableUnchanged.get(tableId);
    if (unchanged === undefined) {
      const now = this.byTable.get(tableId) ?? [];
      const before = earlier.byTable.get(tableId) ?? [];
      unchanged = now.length === before.length && now.every((p, i) => p === before[i]);
      this.tableUnchanged.set(tableId, unchanged);
    }
    return unchanged;
  }

  private personalOf(me: ParticipantRow): PersonalParts {
    return personalParts(JSON.stringify(ownProfile(me)), this.seat(me));
  }

  /**
   * The café part: the question and the harvest of the person's table are the same for everyone at
   * that table and serialised once; only the feedback prompt is the person's own.
   */
  private cafeJson(me: ParticipantRow): string {
    const { question, harvest, feedback } = this.cafe(me);
    this.questionJson ??= JSON.stringify(question);
    let harvestJson = this.harvests.get(harvest);
    if (harvestJson === undefined) {
      harvestJson = JSON.stringify(harvest);
      this.harvests.set(harvest, harvestJson);
    }
    return `{"question":${this.questionJson},"harvest":${harvestJson},"feedback":${JSON.stringify(feedback)}}`;
  }

  private seat(me: ParticipantRow): string {
    const tableId = this.seats.get(me.id);
    if (this.roundNumber === null || tableId === undefined) return 'null';
    const parts = this.table(tableId);
    if (!parts) return 'null';
    const mates: string[] = [];
    for (const m of parts.members) {
      if (m.id === me.id) continue;
      mates.push(parts.asMate.get(m.id)![this.known.has(`${me.id} ${m.id}`) ? 1 : 0]);
    }
    // Interests the person shares with someone else at the table (they count once themselves).
    const shared = me.interests.filter((i) => (parts.interestCount.get(i) ?? 0) > 1);
    return `{"table":${parts.table},"mates":[${mates.join(',')}],"sharedInterests":${JSON.stringify(shared)},"starter":${parts.starter}}`;
  }

  private table(tableId: number): TableParts | null {
    const cached = this.tables.get(tableId);
    if (cached) return cached;
    const index = this.tableIndex.get(tableId) ?? -1;
    const table = this.state.tables[index];
    if (!table) return null;
    const members = this.byTable.get(tableId) ?? [];
    const { catalogue } = this.state.event;
    const interestCount = new Map<string, number>();
    for (const m of members) {
      for (const i of new Set(m.interests)) interestCount.set(i, (interestCount.get(i) ?? 0) + 1);
    }
    const asMate = new Map<string, [string, string]>();
    for (const m of members) {
      // Serialised once; only `known` differs between the two ways a mate is shown.
      const rest = JSON.stringify({
        name: m.displayName,
        role: m.role,
        organisation: m.organisation,
        stage: m.stage,
      });
      const head = `{"id":${JSON.stringify(m.id)},"known":`;
      asMate.set(m.id, [`${head}false,${rest.slice(1)}`, `${head}true,${rest.slice(1)}`]);
    }
    const starter = tableStarter(
      catalogue,
      interestsSharedAtTable(catalogue, members),
      this.roundNumber! * 31 + index,
    );
    const parts: TableParts = {
      table: JSON.stringify({ label: table.label, topic: table.topic }),
      starter: JSON.stringify(starter),
      members,
      asMate,
      interestCount,
    };
    this.tables.set(tableId, parts);
    return parts;
  }
}
