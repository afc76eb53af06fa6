import type { EventRow } from '../db/schema/index.js';
import type { EventState } from '../domain/event-state.js';
import type { JoinInput } from '../domain/inputs.js';
import type { Tx } from '../repositories/db-types.js';
import { loadEventState } from '../repositories/event-state.js';
import { findEventById, raiseVersion } from '../repositories/events.js';
import { participantCount } from '../repositories/participants.js';
import { hasLiveRound } from '../repositories/rounds.js';
import { type Joined, joinOne } from './join-one.js';
import { refreshLiveMetrics } from './live-round.js';
import { type CommandContext, tellReplicas } from './unit-of-work.js';

interface Pending {
  eventId: string;
  input: JoinInput;
  resolve: (joined: Joined) => void;
  reject: (error: unknown) => void;
}

/** What a batch learnt about one event: the live round's state is read once, not once per join. */
interface EventInBatch {
  event: EventRow | undefined;
  count: number;
  live: boolean;
  state: EventState | null;
  created: boolean;
  seated: boolean;
}

const joinedInto = (eventId: string) => ({ kind: 'changed', eventId, source: 'join' }) as const;

/** Joins one transaction writes at most, so that no batch holds its events' locks for long. */
const MAX_BATCH = 256;

/**
 * Joins that arrive in one turn of the event loop are written in one transaction: one durable commit
 * (one sync to disk) for all of them, and each request is answered only after it. Each join runs in a
 * savepoint of its own, so a join that is refused rolls back alone and the others go through. One
 * batch is written at a time: joins that arrive meanwhile wait for it and go into the next one whole,
 * rather than each turn's few opening a transaction that waits for the event's lock (a store across
 * the network answers in milliseconds, in which a burst brings many turns).
 */
export class JoinBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private writing = false;

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
    setImmediate(() => {
      this.scheduled = false;
      void this.writeNext();
    });
  }

  /** Answers every join of its batch itself, whatever happens to the transaction. */
  private async writeNext(): Promise<void> {
    this.writing = true;
    try {
      await this.write(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.writing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const now = this.ctx.now();
    const outcomes: ({ joined: Joined } | { error: unknown })[] = [];
    const events = new Map<string, EventInBatch>();
    try {
      await this.ctx.store.transaction(async (tx) => {
        // In one order, so two replicas' batches that share events never wait for each other in a circle.
        for (const eventId of [...new Set(batch.map((p) => p.eventId))].sort())
          await this.ctx.store.lockEvent(tx, eventId);
        for (const p of batch) outcomes.push(await this.attempt(tx, p, events, now));
        for (const [eventId, e] of events) {
          if (!e.created) continue;
          if (e.seated) await refreshLiveMetrics(tx, e.state ?? (await loadEventState(tx, eventId))!);
          await raiseVersion(tx, eventId, now);
          await tellReplicas(this.ctx, tx, joinedInto(eventId));
        }
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const [i, p] of batch.entries()) {
      const outcome = outcomes[i]!;
      if ('joined' in outcome) p.resolve(outcome.joined);
      else p.reject(outcome.error);
    }
    for (const [eventId, e] of events) if (e.created) this.ctx.changes.announce(joinedInto(eventId));
  }

  private async attempt(
    tx: Tx,
    p: Pending,
    events: Map<string, EventInBatch>,
    now: number,
  ): Promise<{ joined: Joined } | { error: unknown }> {
    let e = events.get(p.eventId);
    if (!e) {
      e = {
        event: await findEventById(tx, p.eventId),
        count: await participantCount(tx, p.eventId),
        live: await hasLiveRound(tx, p.eventId),
        state: null,
        created: false,
        seated: false,
      };
      events.set(p.eventId, e);
    }
    const event = e;
    try {
      const joined = await this.ctx.store.savepoint(tx, async (sp) => {
        if (event.live && !event.state) event.state = (await loadEventState(sp, p.eventId)) ?? null;
        const target = {
          event: event.event,
          count: event.count,
          live: event.state,
          onSeated: () => {
            event.seated = true;
          },
        };
        const joined = await joinOne(sp, p.eventId, p.input, this.serverKey, now, target);
        // With the person in it: the next join of the batch is seated knowing they are there.
        event.state = target.live;
        return joined;
      });
      if (joined.created) {
        event.created = true;
        event.count += 1;
      }
      return { joined };
    } catch (error) {
      // The savepoint is gone, and the state read for it may hold what it did: read it again if needed.
      event.state = null;
      return { error };
    }
  }
}
