import type { ParticipantRow } from '../db/schema/index.js';
import {
  type EventState,
  liveRound,
  participantsInReadOrder,
  seatsInReadOrder,
} from '../domain/event-state.js';
import type { JoinInput } from '../domain/inputs.js';
import { arrivalsMetrics, lateArrivalTables } from '../domain/round-rules.js';
import type { LateArrivals, RoundMeasure } from '../matching/index.js';
import type { Tx } from '../repositories/db-types.js';
import { keepCommitted, keptState, stateForCommand } from '../repositories/event-state.js';
import { findEventById, lockEventForJoins, raiseVersion } from '../repositories/events.js';
import { KeptReads } from '../repositories/kept-reads.js';
import {
  findByRequestKeys,
  insertParticipants,
  type ParticipantInsert,
} from '../repositories/participants.js';
import { insertAssignments } from '../repositories/rounds.js';
import { admit, type Joined, requestKeyHashOf } from './join-one.js';
import { refreshLiveMetrics } from './live-round.js';
import { type CommandContext, tellReplicas } from './unit-of-work.js';

interface Pending {
  eventId: string;
  input: JoinInput;
  resolve: (joined: Joined) => void;
  reject: (error: unknown) => void;
}

type Outcome = { joined: Joined } | { error: unknown };

const joinedInto = (eventId: string) => ({ kind: 'changed', eventId, source: 'join' }) as const;

/** Joins one transaction writes at most, so that no batch holds its events' locks for long. */
const MAX_BATCH = 256;

/** The longest pause between two batches, however long the one before took. */
const MAX_PAUSE_MS = 25;

/** Where a live round's next arrivals sit (built at the first without a wish) and its quality so far. */
interface ArrivalsRoom {
  seating: LateArrivals | null;
  measure: RoundMeasure | null;
}

/** Events whose live round's arrivals room is kept between batches; the longest idle goes first. */
const MAX_KEPT_ROOMS = 8;

/**
 * Joins that arrive together (in one turn of the event loop, or in the pause after a batch) are
 * written in one transaction: one durable commit (one sync to disk) for all of them, and each request
 * is answered only after it. Per event, the rules decide every join of the batch first (a refused
 * join is answered with its refusal and writes nothing), and the people let in are written in one
 * statement, so a batch costs a few round trips to the store however many it holds. A failure of the
 * store fails the batch whole; nothing of it is then committed. One batch is written at a time: joins
 * that arrive meanwhile wait for it and go into the next one whole, rather than each turn's few
 * opening a transaction that waits for the event's lock (a store across the network answers in
 * milliseconds, in which a burst brings many turns).
 * After a batch, the next one waits as long as that one took (at most MAX_PAUSE_MS): on SQLite a
 * batch holds the event loop, so in a burst the loop is free half the time at least to read the
 * requests, and each batch's fixed costs (the sync, in a live round the seating and the round's
 * quality) are shared by more joins. A join that comes after a quiet spell is written at once.
 */
export class JoinBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private writing = false;
  /** When the last batch was written (performance.now()) and how long it took. */
  private last = { end: Number.NEGATIVE_INFINITY, took: 0 };
  /**
   * Each event's live round as the last batch of arrivals left it, by the version that batch
   * committed: the next batch carries it on when the event is still at that version (nothing changed
   * since, so it is exactly the state's), instead of reading every seated profile and the earlier
   * rounds again. Taken, not peeked: a batch that fails leaves nothing half-seated behind.
   */
  // Only kept and taken here, never read through a load, so no value is asked its stamp.
  private readonly rooms = new KeptReads<ArrivalsRoom>(MAX_KEPT_ROOMS, () => '');

  constructor(
    private readonly ctx: CommandContext,
    private readonly serverKey: string,
  ) {}

  join(eventId: string, input: JoinInput): Promise<Joined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ eventId, input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    const write = () => {
      this.scheduled = false;
      void this.writeNext();
    };
    const pause = this.last.end + Math.min(this.last.took, MAX_PAUSE_MS) - performance.now();
    if (pause > 0) setTimeout(write, pause);
    else setImmediate(write);
  }

  /** Answers every join of its batch itself, whatever happens to the transaction. */
  private async writeNext(): Promise<void> {
    this.writing = true;
    const start = performance.now();
    try {
      await this.write(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.writing = false;
      const end = performance.now();
      this.last = { end, took: end - start };
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const now = this.ctx.now();
    const outcomes = new Map<Pending, Outcome>();
    const joinedEvents: string[] = [];
    const after: EventState[] = [];
    const rooms = new Map<string, ArrivalsRoom>();
    try {
      await this.ctx.store.transaction(async (tx) => {
        // Locked in one order, so two replicas' batches that share events never wait in a circle.
        for (const eventId of [...new Set(batch.map((p) => p.eventId))].sort()) {
          const joins = batch.filter((p) => p.eventId === eventId);
          const written = await this.writeEvent(tx, eventId, joins, outcomes, now);
          if (!written) continue;
          joinedEvents.push(eventId);
          if (written.after) after.push(written.after);
          if (written.room) rooms.set(eventId, written.room);
        }
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    // Only now, committed: the push and the next batch start from these states instead of reading them.
    for (const state of after) {
      keepCommitted(this.ctx.db, state);
      const room = rooms.get(state.event.id);
      if (room) this.rooms.keep(state.event.id, String(state.event.version), room);
    }
    for (const p of batch) {
      const outcome = outcomes.get(p)!;
      if ('joined' in outcome) p.resolve(outcome.joined);
      else p.reject(outcome.error);
    }
    for (const eventId of joinedEvents) this.ctx.changes.announce(joinedInto(eventId));
  }

  /**
   * The batch's joins into one event, in the order they came; null when nobody new joined. `after`:
   * the state they leave, when the state before was at hand (kept for its version; always read in a
   * live round, where the new people are seated), so that nothing reads the whole event again.
   */
  private async writeEvent(
    tx: Tx,
    eventId: string,
    joins: Pending[],
    outcomes: Map<Pending, Outcome>,
    now: number,
  ): Promise<{ after: EventState | null; room?: ArrivalsRoom | null } | null> {
    const target = await lockEventForJoins(tx, eventId);
    const { event, live } = target;
    let count = target.count;
    const keys = joins.map((p) => requestKeyHashOf(p.input));
    const earlier = await findByRequestKeys(
      tx,
      eventId,
      keys.filter((k) => k !== null),
    );
    const rows: ParticipantInsert[] = [];
    for (const [i, p] of joins.entries()) {
      const key = keys[i] ?? null;
      try {
        const { joined, row } = admit(
          eventId,
          p.input,
          this.serverKey,
          now,
          event,
          count,
          key ? earlier.get(key) : undefined,
        );
        if (row) {
          rows.push(row);
          count += 1;
          // A retry of a join in this same batch finds the person its first try made.
          if (key) earlier.set(key, row.id);
        }
        outcomes.set(p, { joined });
      } catch (error) {
        outcomes.set(p, { error });
      }
    }
    if (rows.length === 0) return null;
    // Outside a round no room is carried on: the one a round left goes with it.
    if (!live) this.rooms.forget(eventId);
    const before = live ? await stateForCommand(tx, eventId) : keptState(tx, eventId, event!.version);
    const inserted = await insertParticipants(tx, rows);
    // A list of its own: the state read is never changed, its copy grows by the people let in.
    const state = before && { ...before, participants: [...before.participants] };
    let room: ArrivalsRoom | null = null;
    if (state && live) room = await this.seatLateArrivals(tx, state, inserted);
    else state?.participants.push(...inserted);
    await raiseVersion(tx, eventId, now);
    await tellReplicas(this.ctx, tx, joinedInto(eventId));
    if (!state) return { after: null };
    return {
      after: {
        ...state,
        event: (await findEventById(tx, eventId))!,
        participants: participantsInReadOrder(state.participants),
      },
      room,
    };
  }

  /**
   * In a live round the new people are seated one after the other, each knowing where the ones before
   * sat. The state (its live round the command's own) is left with them, their seats and the round's quality.
   */
  private async seatLateArrivals(tx: Tx, state: EventState, people: ParticipantRow[]): Promise<ArrivalsRoom> {
    state.participants.push(...people);
    const round = liveRound(state)!;
    const carried = this.rooms.take(state.event.id, String(state.event.version));
    const { seated, room: seating } = lateArrivalTables(
      state,
      people.map((p) => p.id),
      carried?.seating,
    );
    if (seated.size === 0) return { seating, measure: carried?.measure ?? null };
    await insertAssignments(tx, round.id, seated);
    round.seats = seatsInReadOrder([...round.seats, ...seated]);
    const { metrics, measure } = arrivalsMetrics(state, people, seated, carried?.measure ?? null);
    await refreshLiveMetrics(tx, state, metrics);
    return { seating, measure };
  }
}
