import type { Db } from '../db/handle.js';
import { currentPlan } from '../domain/forward-plan.js';
import { nextRoundNumber, plannedSeats } from '../domain/round-rules.js';
import type { ChangeSource } from '../plugins/changes.js';
import { committedState } from '../repositories/event-state.js';
import { AudienceViews } from './audience.js';
import type { Connection, Subscription } from './connection.js';
import { FanOuts, SOCKETS_PER_TURN } from './fan-out.js';
import { FrameBatch } from './frames.js';
import { CLOSE } from './messages.js';
import { PartsPreparation, type PreparedParts } from './phone-views.js';

/**
 * Pushes that joins cause reach an event's sockets at most this often: each push reads the state and
 * builds every view, which for a full room costs more than the joins themselves. Any other change
 * pushes at once, and takes the joins held so far with it.
 */
export const JOIN_PUSH_INTERVAL_MS = 200;

/**
 * An event whose sockets got no push for this long has the phones' parts of its next planned round
 * prepared, so that the start's push costs little more than the sends.
 */
export const PREPARE_AFTER_QUIET_MS = 300;

/** The shared views the others of a fan-out need, each to be built in a turn of its own. */
function warmups(views: AudienceViews, others: Connection[]): (() => void)[] {
  const roles = new Set(others.map((c) => c.subscription!.role));
  const steps: (() => void)[] = [];
  for (const role of ['screen', 'moderator'] as const) {
    if (roles.has(role)) steps.push(() => views.for({ role, eventId: '', participantId: null }));
  }
  if (roles.has('moderator')) steps.push(() => views.moderatorPatch());
  return steps;
}

export interface HubDeps {
  db: Db;
  dataId: () => string;
  joinUrl: (code: string) => string;
  onError: (error: unknown, eventId: string) => void;
  now: () => number;
}

/**
 * Event → sockets. A change marks the event dirty; one flush per turn of the event loop reads the
 * committed state once and sends every socket its view if it changed, so a burst of joins costs one push.
 * The phones go first, a slice per turn; screens and moderators (the big views) after them.
 */
export class Hub {
  private readonly rooms = new Map<string, Set<Connection>>();
  /** event → whether anything but the stored plan changed (only the console shows the plan) */
  private readonly dirty = new Map<string, boolean>();
  private readonly fanOuts: FanOuts;
  /** The views of each event's latest committed state: a wave of hellos after a restart reads it once. */
  private readonly current = new Map<string, AudienceViews>();
  private scheduled = false;
  /** event → when its sockets last got a push of everything (monotonic ms) */
  private readonly lastPush = new Map<string, number>();
  /** event → the timer of the push its held joins wait for */
  private readonly heldJoins = new Map<string, NodeJS.Timeout>();
  /** event → the phones' parts of its next planned round, and the preparation under way */
  private readonly prepared = new Map<string, PreparedParts>();
  private readonly preparing = new Map<string, { timer: NodeJS.Timeout | null }>();

  constructor(private readonly deps: HubDeps) {
    this.fanOuts = new FanOuts(deps.onError);
  }

  join(connection: Connection, subscription: Subscription): void {
    connection.subscription = subscription;
    let room = this.rooms.get(subscription.eventId);
    if (!room) {
      room = new Set();
      this.rooms.set(subscription.eventId, room);
    }
    room.add(connection);
    // Phones that come after the last push (a wave of hellos before round 1) get their parts prepared.
    const id = subscription.eventId;
    if (subscription.role === 'participant' && !this.prepared.has(id) && !this.preparing.has(id))
      this.prepareWhenQuiet(id);
  }

  leave(connection: Connection): void {
    const eventId = connection.subscription?.eventId;
    if (!eventId) return;
    const room = this.rooms.get(eventId);
    room?.delete(connection);
    if (room?.size === 0) {
      this.forget(eventId);
    }
  }

  private forget(eventId: string): void {
    this.rooms.delete(eventId);
    this.current.delete(eventId);
    this.fanOuts.stop(eventId);
    this.lastPush.delete(eventId);
    clearTimeout(this.heldJoins.get(eventId));
    this.heldJoins.delete(eventId);
    this.stopPreparing(eventId);
    this.prepared.delete(eventId);
  }

  /**
   * The view a socket should have now, for a hello or a resync. Reads that overlap may finish out of
   * order: the views never go back to an older version than one already built.
   */
  async viewsFor(eventId: string): Promise<AudienceViews | null> {
    const state = await committedState(this.deps.db, eventId);
    if (!state) return null;
    const cached = this.current.get(eventId);
    if (cached && cached.version >= state.event.version) return cached;
    const views = new AudienceViews(
      state,
      this.deps.joinUrl(state.event.code),
      cached?.builtModerator ?? null,
      this.prepared.get(eventId) ?? null,
      cached?.phoneParts ?? null,
    );
    this.current.set(eventId, views);
    return views;
  }

  /** Announcements may have been missed (another replica's, while the relay was cut off): every room is read again. */
  resyncAll(): void {
    for (const eventId of this.rooms.keys()) this.changed(eventId);
  }

  changed(eventId: string, source: ChangeSource = 'event'): void {
    if (!this.rooms.has(eventId)) return;
    if (source === 'join' && this.holdJoins(eventId)) return;
    this.dirty.set(eventId, (this.dirty.get(eventId) ?? false) || source !== 'plan');
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const events = [...this.dirty];
      this.dirty.clear();
      for (const [id, all] of events) void this.flush(id, all);
    });
  }

  /** True when the joins wait for a push due soon (one is then scheduled, if not already). */
  private holdJoins(eventId: string): boolean {
    if (this.heldJoins.has(eventId)) return true;
    const wait =
      (this.lastPush.get(eventId) ?? Number.NEGATIVE_INFINITY) + JOIN_PUSH_INTERVAL_MS - performance.now();
    if (wait <= 0) return false;
    const timer = setTimeout(() => {
      this.heldJoins.delete(eventId);
      this.changed(eventId, 'event');
    }, wait);
    timer.unref();
    this.heldJoins.set(eventId, timer);
    return true;
  }

  erased(eventId: string): void {
    for (const connection of this.rooms.get(eventId) ?? []) {
      connection.send({ type: 'erased' });
      connection.close(CLOSE.gone, 'event erased');
    }
    this.forget(eventId);
  }

  /** Closes every socket of one audience of an event (its secret was renewed): final, 4003. */
  revoke(eventId: string, role: 'screen' | 'moderator'): void {
    const room = this.rooms.get(eventId);
    for (const connection of [...(room ?? [])]) {
      if (connection.subscription?.role !== role) continue;
      room!.delete(connection);
      connection.close(CLOSE.unauthorized, 'link renewed');
    }
  }

  /**
   * Sends each socket of the event its view when the view changed since its last snapshot; `all`
   * false: only the plan changed, which only moderators see. Reports its own errors.
   */
  async flush(eventId: string, all = true): Promise<void> {
    const room = this.rooms.get(eventId);
    if (!room) return;
    if (all) {
      // This push carries every join so far: a held one would only repeat it.
      clearTimeout(this.heldJoins.get(eventId));
      this.heldJoins.delete(eventId);
      this.lastPush.set(eventId, performance.now());
    }
    try {
      const views = await this.viewsFor(eventId);
      if (!views) {
        this.erased(eventId);
        return;
      }
      // The last socket may have left while the state was read.
      if (!this.rooms.has(eventId)) return;
      const everyone = this.fanOuts.reachesAll(eventId, all);
      const phones: Connection[] = [];
      const others: Connection[] = [];
      for (const c of room) {
        const role = c.subscription!.role;
        if (role === 'moderator') others.push(c);
        else if (everyone) (role === 'participant' ? phones : others).push(c);
      }
      const batch = new FrameBatch(views, this.deps.dataId(), this.deps.now);
      this.fanOuts.start(
        eventId,
        everyone,
        { phones, others, warmups: warmups(views, others) },
        views,
        batch,
        (c, v, b) => this.push(c, v, b.dataId, false, b),
      );
      this.prepareWhenQuiet(eventId);
    } catch (error) {
      this.deps.onError(error, eventId);
    }
  }

  private prepareWhenQuiet(eventId: string): void {
    this.stopPreparing(eventId);
    const job = { timer: null as NodeJS.Timeout | null };
    job.timer = setTimeout(() => {
      job.timer = null;
      void this.prepare(eventId, job);
    }, PREPARE_AFTER_QUIET_MS);
    job.timer.unref();
    this.preparing.set(eventId, job);
  }

  private hasPhones(eventId: string): boolean {
    for (const c of this.rooms.get(eventId) ?? []) if (c.subscription?.role === 'participant') return true;
    return false;
  }

  private stopPreparing(eventId: string): void {
    const job = this.preparing.get(eventId);
    if (job?.timer) clearTimeout(job.timer);
    this.preparing.delete(eventId);
  }

  /**
   * Prepares the phones' parts of the round the next start will seat — the current forward plan's
   * next round, during the round before it or between rounds — a slice per turn; a push in between
   * starts it over. Reports its own errors.
   */
  private async prepare(eventId: string, job: { timer: NodeJS.Timeout | null }): Promise<void> {
    try {
      if (!this.hasPhones(eventId)) return;
      const state = await committedState(this.deps.db, eventId);
      // A push while the state was read starts the preparation over.
      if (this.preparing.get(eventId) !== job) return;
      if (state?.event.status !== 'active') return;
      const next = currentPlan(state)?.[0];
      if (!next) return;
      // The seats and the number the next start will commit.
      const seats = plannedSeats(state, next);
      const preparation = new PartsPreparation(state, { number: nextRoundNumber(state), seats });
      const step = () => {
        if (this.preparing.get(eventId) !== job) return;
        try {
          const done = preparation.step(SOCKETS_PER_TURN);
          if (!done) {
            setImmediate(step);
            return;
          }
          this.prepared.set(eventId, done);
          this.preparing.delete(eventId);
        } catch (error) {
          this.deps.onError(error, eventId);
        }
      };
      step();
    } catch (error) {
      this.deps.onError(error, eventId);
    }
  }

  push(
    connection: Connection,
    views: AudienceViews,
    dataId: string,
    reset = false,
    batch?: FrameBatch,
  ): void {
    const subscription = connection.subscription!;
    const built = views.for(subscription);
    if (!built) {
      connection.send({ type: 'erased' });
      connection.close(CLOSE.gone, 'participant erased');
      return;
    }
    if (built.etag === connection.lastEtag && !reset) return;
    const held = connection.lastEtag;
    connection.lastEtag = built.etag;
    connection.version = views.version;
    if (subscription.role !== 'participant') {
      // Screens and moderators share one frame per push; a moderator holding the last view gets a patch.
      const frames = batch ?? new FrameBatch(views, dataId, this.deps.now);
      connection.sendShared(frames.frameFor(subscription.role, reset, held));
      return;
    }
    const head = {
      type: 'snapshot',
      role: subscription.role,
      dataId,
      version: views.version,
      etag: built.etag,
      reset,
    };
    connection.sendFrame(`${JSON.stringify(head).slice(0, -1)},"view":${built.json}`);
  }

  get connections(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.size;
    return n;
  }
}
