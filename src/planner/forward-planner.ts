import { planned, storePlan } from '../commands/plans.js';
import type { Db, Store } from '../db/handle.js';
import { type EventState, presentParticipants, toMatchPerson } from '../domain/event-state.js';
import {
  canPlanAhead,
  currentPlan,
  forwardPlanInput,
  planBasis,
  toStoredRounds,
} from '../domain/forward-plan.js';
import { seatsAvailable } from '../domain/round-rules.js';
import type { Changes } from '../plugins/changes.js';
import { committedState, eventVersion } from '../repositories/event-state.js';
import type { PlannerPool } from './pool.js';

export interface PlanBox {
  effortMs: number;
  timeMs: number;
}

/**
 * Planning boxes in effort-milliseconds (deterministic) and a wall-clock cap (a safety net on a slow
 * machine). In the background a round lasts minutes, so the plan gets the offline planner's effort
 * (3,000 by default); a start that finds its plan stale waits for a shorter one.
 */
export function planBoxes(
  backgroundEffortMs: number,
  timeLimitMs = 0,
): { background: PlanBox; waiting: PlanBox } {
  const waiting = Math.min(900, backgroundEffortMs);
  const cap = (effortMs: number) => (timeLimitMs > 0 ? timeLimitMs : 4 * effortMs);
  return {
    background: { effortMs: backgroundEffortMs, timeMs: cap(backgroundEffortMs) },
    waiting: { effortMs: waiting, timeMs: cap(waiting) },
  };
}
/** A join wave of hundreds within this pause is one re-plan. */
export const REPLAN_DEBOUNCE_MS = 250;

export type PlannerStatus = 'idle' | 'queued' | 'planning';

interface EventEntry {
  timer: NodeJS.Timeout | null;
  queued: boolean;
  urgent: boolean;
  running: Promise<void> | null;
  /** The basis the running job plans for. */
  runningBasis: string | null;
}

export interface PlannerDeps {
  db: Db;
  store: Store;
  now: () => number;
  pool: Pick<PlannerPool, 'run'>;
  threads: number;
  boxes: ReturnType<typeof planBoxes>;
  /** Told after a plan was stored (its version raised), so the console learns of it. */
  changes: Changes;
  onError: (error: unknown, eventId: string) => void;
}

/**
 * Keeps every event's forward plan current: changes ask for a re-plan (debounced and coalesced per
 * event), events wait in one FIFO for a planner thread so that no event starves the others, and each
 * job reads the state when it gets its thread, so a queued request always plans the newest room.
 */
export class ForwardPlanner {
  private readonly entries = new Map<string, EventEntry>();
  private readonly queue: string[] = [];
  private readonly waiters = new Map<string, (() => void)[]>();
  private active = 0;
  private closed = false;
  /** Aborted at shutdown: the plans under way are abandoned rather than waited for. */
  private readonly shutdown = new AbortController();

  constructor(private readonly deps: PlannerDeps) {}

  /** A change happened: re-plan soon, once, however many changes follow in the pause. */
  request(eventId: string): void {
    if (this.closed) return;
    const entry = this.entry(eventId);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      this.enqueue(eventId, false);
    }, REPLAN_DEBOUNCE_MS);
    entry.timer.unref();
  }

  status(eventId: string): PlannerStatus {
    const entry = this.entries.get(eventId);
    if (!entry) return 'idle';
    if (entry.running) return 'planning';
    return entry.queued || entry.timer ? 'queued' : 'idle';
  }

  /**
   * Resolves once the stored plan fits the event as it is now (a start awaits it when a change came
   * in the last moments). Gives up after a few rounds of changes racing the planner.
   */
  async ensureCurrent(eventId: string, attempts = 4): Promise<EventState | undefined> {
    for (let i = 0; i < attempts; i++) {
      const state = await committedState(this.deps.db, eventId);
      if (!state || !canPlanAhead(state) || currentPlan(state)) return state;
      const entry = this.entry(eventId);
      if (entry.running && entry.runningBasis === planBasis(state)) {
        await entry.running;
        continue;
      }
      if (entry.timer) {
        clearTimeout(entry.timer);
        entry.timer = null;
      }
      await this.runNow(eventId);
    }
    return committedState(this.deps.db, eventId);
  }

  /** Resolves when no event has a re-plan pending or running (tests that compare states need calm). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const busy = [...this.entries.values()].filter((e) => e.timer || e.queued || e.running);
      if (busy.length === 0) return;
      const running = busy.map((e) => e.running).filter((r): r is Promise<void> => r !== null);
      await (running.length > 0
        ? Promise.allSettled(running)
        : new Promise((resolve) => setTimeout(resolve, REPLAN_DEBOUNCE_MS)));
    }
  }

  forget(eventId: string): void {
    const entry = this.entries.get(eventId);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(eventId);
  }

  /**
   * Stops taking work and abandons the plans under way: a plan for a room of thousands may take
   * seconds of its time box, longer than a restart may (docker stops a container after 10 s), and
   * the next start, here or after the restart, plans again from what is stored.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.shutdown.abort();
    await Promise.allSettled([...this.entries.values()].map((e) => e.running));
  }

  private entry(eventId: string): EventEntry {
    let entry = this.entries.get(eventId);
    if (!entry) {
      entry = { timer: null, queued: false, urgent: false, running: null, runningBasis: null };
      this.entries.set(eventId, entry);
    }
    return entry;
  }

  private enqueue(eventId: string, urgent: boolean): void {
    const entry = this.entry(eventId);
    entry.urgent ||= urgent;
    if (!entry.queued) {
      entry.queued = true;
      if (urgent) this.queue.unshift(eventId);
      else this.queue.push(eventId);
    }
    this.drain();
  }

  /** Puts the event at the head of the line and resolves when its next job has finished. */
  private runNow(eventId: string): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.set(eventId, [...(this.waiters.get(eventId) ?? []), resolve]);
      this.enqueue(eventId, true);
    });
  }

  private drain(): void {
    while (!this.closed && this.active < this.deps.threads && this.queue.length > 0) {
      const eventId = this.queue.shift()!;
      const entry = this.entry(eventId);
      if (entry.running) {
        // One job per event at a time; it goes back to the line and runs after the current one.
        this.queue.push(eventId);
        if (this.queue.every((id) => this.entries.get(id)?.running)) break;
        continue;
      }
      entry.queued = false;
      const urgent = entry.urgent;
      entry.urgent = false;
      this.active++;
      entry.running = this.plan(eventId, urgent, entry).finally(() => {
        this.active--;
        entry.running = null;
        entry.runningBasis = null;
        const waiting = this.waiters.get(eventId) ?? [];
        this.waiters.delete(eventId);
        for (const resolve of waiting) resolve();
        this.drain();
      });
    }
  }

  private async plan(eventId: string, urgent: boolean, entry: EventEntry): Promise<void> {
    try {
      const state = await committedState(this.deps.db, eventId);
      if (!state || !canPlanAhead(state) || currentPlan(state)) return;
      // Too few seats: nothing to plan; the start says so to the moderator.
      if (presentParticipants(state).length > seatsAvailable(state)) return;
      const basis = planBasis(state);
      entry.runningBasis = basis;
      const input = forwardPlanInput(state, urgent ? this.deps.boxes.waiting : this.deps.boxes.background);
      const result = await this.deps.pool.run(
        { input, everyone: state.participants.map(toMatchPerson) },
        this.shutdown.signal,
      );
      // Stored even when the room changed meanwhile: it is the best warm start for the next plan.
      const stored = await storePlan(this.deps, eventId, {
        basisKey: basis,
        rounds: toStoredRounds(state, result.rounds),
        metrics: result.metrics,
        eveningMetrics: result.eveningMetrics,
        steps: result.steps,
        computedAt: new Date(this.deps.now()),
      });
      if (stored) this.deps.changes.announce(planned(eventId));
      // Only our own store raised the version: the room is as planned. Anything else: plan again
      // (a change that left the basis alone costs one cheap look in the next job).
      if (stored && (await eventVersion(this.deps.db, eventId)) !== state.event.version + 1 && !this.closed)
        this.request(eventId);
    } catch (error) {
      // Abandoned at shutdown: nothing went wrong.
      if (!this.closed) this.deps.onError(error, eventId);
    }
  }
}
