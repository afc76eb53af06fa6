import type { ParticipantRow } from '../db/schema/index.js';
import { participantCafes } from '../domain/cafe-views.js';
import { type EventState, liveRound } from '../domain/event-state.js';
import { interestsSharedAtTable, tableStarter } from '../domain/table-talk.js';
import { eventSummary, ownProfile, timing } from '../domain/views.js';

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

  constructor(private readonly state: EventState) {
    this.byId = new Map(state.participants.map((p) => [p.id, p]));
    const round = liveRound(state);
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
  }

  /** Null when the participant no longer exists (erased). */
  json(participantId: string): string | null {
    const me = this.byId.get(participantId);
    if (!me) return null;
    // The café part depends on the person's own table and feedback: its table's part is shared.
    const cafe = JSON.stringify(this.cafe(me));
    return `${this.head}${JSON.stringify(ownProfile(me))},"seat":${this.seat(me)}${this.tail},"cafe":${cafe}}`;
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
