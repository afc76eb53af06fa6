import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JoinBatcher } from '../../src/commands/join-batch.js';
import { joinInput } from '../../src/domain/inputs.js';
import { liveRoundMetrics } from '../../src/domain/round-rules.js';
import { loadEventState } from '../../src/repositories/event-state.js';
import { auth, createEvent, eventIdOf, moderatorState, profile, updateMe } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { row } from '../helpers/rows.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const versionOf = async (id: string) =>
  (await row<{ version: number }>(t.app, 'select version from events where id = ?', id))!.version;
const input = (overrides: Record<string, unknown> = {}) => joinInput.parse(profile(overrides));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('joins of one turn are one transaction', () => {
  it('answers every join of the batch and raises the version once for all of them', async () => {
    const event = await createEvent(t.app);
    const id = await eventIdOf(t.app, event.code);
    const before = await versionOf(id);
    const batcher = new JoinBatcher(t.app, t.app.tokenKey);
    const joined = await Promise.all(Array.from({ length: 12 }, () => batcher.join(id, input())));
    expect(new Set(joined.map((j) => j.participantId)).size).toBe(12);
    expect(joined.every((j) => j.created)).toBe(true);
    expect(await versionOf(id)).toBe(before + 1);
    const state = await moderatorState(t.app, event);
    expect(state.participants.map((p: { id: string }) => p.id).sort()).toEqual(
      joined.map((j) => j.participantId).sort(),
    );
    for (const j of joined) {
      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(j.token) });
      expect(me.statusCode).toBe(200);
    }
  });

  it('a refused join in the batch fails alone; the others are stored', async () => {
    const event = await createEvent(t.app);
    const id = await eventIdOf(t.app, event.code);
    const batcher = new JoinBatcher(t.app, t.app.tokenKey);
    const results = await Promise.allSettled([
      batcher.join(id, input()),
      batcher.join(id, input({ role: 'no-such-role' })),
      batcher.join(id, input()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = results[1] as PromiseRejectedResult;
    expect((refused.reason as { statusCode?: number }).statusCode).toBe(422);
    const state = await moderatorState(t.app, event);
    expect(state.participants).toHaveLength(2);
  });

  it('a request key repeated within one batch gives the same person once', async () => {
    const event = await createEvent(t.app);
    const id = await eventIdOf(t.app, event.code);
    const batcher = new JoinBatcher(t.app, t.app.tokenKey);
    const same = input({ requestKey: 'batch-key-0123456789abcdef' });
    const [a, b] = await Promise.all([batcher.join(id, same), batcher.join(id, same)]);
    expect(a!.participantId).toBe(b!.participantId);
    expect([a!.created, b!.created]).toEqual([true, false]);
    expect((await moderatorState(t.app, event)).participants).toHaveLength(1);
  });

  it("writes each event's joins of a batch with its own count and keys, and finds a key of an earlier batch", async () => {
    const first = await createEvent(t.app);
    const second = await createEvent(t.app);
    const [a, b] = [await eventIdOf(t.app, first.code), await eventIdOf(t.app, second.code)];
    const [versionA, versionB] = [await versionOf(a), await versionOf(b)];
    const batcher = new JoinBatcher(t.app, t.app.tokenKey);
    const key = input({ requestKey: 'earlier-batch-key-0123456789' });
    const earlier = await batcher.join(a, key);
    const joined = await Promise.all([
      batcher.join(b, input()),
      batcher.join(a, key),
      batcher.join(a, input()),
      batcher.join(b, input()),
    ]);
    expect(joined.map((j) => j.created)).toEqual([true, false, true, true]);
    expect(joined[1]!.participantId).toBe(earlier.participantId);
    expect([await versionOf(a), await versionOf(b)]).toEqual([versionA + 2, versionB + 1]);
    expect((await moderatorState(t.app, first)).participants).toHaveLength(2);
    expect((await moderatorState(t.app, second)).participants).toHaveLength(2);
  });

  it('a failure of the store fails the whole batch and stores none of it', async () => {
    const event = await createEvent(t.app);
    const id = await eventIdOf(t.app, event.code);
    const store = t.app.store;
    // The store fails as the batch is about to commit, after every statement of it ran.
    const failing: typeof store = Object.create(store, {
      transaction: {
        value: <T>(work: (tx: never) => Promise<T>) =>
          store.transaction(async (tx) => {
            await work(tx as never);
            throw new Error('the disk is full');
          }),
      },
    });
    const batcher = new JoinBatcher({ ...t.app, store: failing } as never, t.app.tokenKey);
    const results = await Promise.allSettled([batcher.join(id, input()), batcher.join(id, input())]);
    expect(results.map((r) => r.status === 'rejected' && String(r.reason))).toEqual([
      'Error: the disk is full',
      'Error: the disk is full',
    ]);
    expect((await moderatorState(t.app, event)).participants).toHaveLength(0);
  });

  it('writes the joins that come while a batch is being written as the next batch, whole', async () => {
    const event = await createEvent(t.app);
    const id = await eventIdOf(t.app, event.code);
    const store = t.app.store;
    const ends: (() => void)[] = [];
    // A store whose transactions take long to end: each waits for the test.
    const slowStore: typeof store = Object.create(store, {
      transaction: {
        value: async <T>(work: (tx: never) => Promise<T>) => {
          const result = await store.transaction(work as never);
          await new Promise<void>((resolve) => ends.push(resolve));
          return result as T;
        },
      },
    });
    const batcher = new JoinBatcher({ ...t.app, store: slowStore } as never, t.app.tokenKey);
    const before = await versionOf(id);
    const first = batcher.join(id, input());
    while (ends.length === 0) await nextTurn();
    // Three arrive in separate turns while the first batch is still being written.
    const waiting: Promise<unknown>[] = [];
    for (let i = 0; i < 3; i++) {
      waiting.push(batcher.join(id, input()));
      await nextTurn();
    }
    expect(ends).toHaveLength(1);
    expect(await versionOf(id)).toBe(before + 1);
    ends[0]!();
    await first;
    while (ends.length < 2) await nextTurn();
    ends[1]!();
    await Promise.all(waiting);
    // One transaction for the three: one version.
    expect(ends).toHaveLength(2);
    expect(await versionOf(id)).toBe(before + 2);
    expect((await moderatorState(t.app, event)).participants).toHaveLength(4);
  });

  it('after a batch, the next waits as long as that one took, and takes every join of the wait', async () => {
    const event = await createEvent(t.app);
    const id = await eventIdOf(t.app, event.code);
    const store = t.app.store;
    // The batches' clock and timers are the test's; each transaction takes 10 ms by that clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const tenMs: typeof store = Object.create(store, {
        transaction: {
          value: async <T>(work: (tx: never) => Promise<T>) => {
            const result = await store.transaction(work as never);
            vi.advanceTimersByTime(10);
            return result as T;
          },
        },
      });
      const batcher = new JoinBatcher({ ...t.app, store: tenMs } as never, t.app.tokenKey);
      const before = await versionOf(id);
      await batcher.join(id, input());
      expect(await versionOf(id)).toBe(before + 1);
      // Three arrive in separate turns during the pause: none is written yet.
      let answered = 0;
      const waiting = Array.from({ length: 3 }, () => batcher.join(id, input()).then(() => answered++));
      for (let i = 0; i < 5; i++) await nextTurn();
      expect([answered, await versionOf(id)]).toEqual([0, before + 1]);
      vi.advanceTimersByTime(9);
      for (let i = 0; i < 5; i++) await nextTurn();
      expect(answered).toBe(0);
      vi.advanceTimersByTime(1);
      await Promise.all(waiting);
      // One transaction for the three: one version.
      expect(await versionOf(id)).toBe(before + 2);
      // After a quiet spell a join is written at once, without waiting for any timer.
      vi.advanceTimersByTime(1000);
      await batcher.join(id, input());
      expect(await versionOf(id)).toBe(before + 3);
    } finally {
      vi.useRealTimers();
    }
    expect((await moderatorState(t.app, event)).participants).toHaveLength(5);
  });

  it('joins into a live round are each seated and counted in the round', async () => {
    const event = await createEvent(t.app);
    const id = await eventIdOf(t.app, event.code);
    const batcher = new JoinBatcher(t.app, t.app.tokenKey);
    await Promise.all(Array.from({ length: 4 }, () => batcher.join(id, input())));
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    expect(started.statusCode).toBe(201);
    const late = await Promise.all(Array.from({ length: 3 }, () => batcher.join(id, input())));
    const state = await moderatorState(t.app, event);
    for (const j of late) {
      const row = state.participants.find((p: { id: string }) => p.id === j.participantId);
      expect(row.tableId).not.toBeNull();
    }
    expect(state.rounds.at(-1).seated).toBe(7);
  });

  it('a batch in a live round carries on the room the one before left only while nothing else changed', async () => {
    const event = await createEvent(t.app, { tables: { count: 4, seats: 6 } });
    const id = await eventIdOf(t.app, event.code);
    const batcher = new JoinBatcher(t.app, t.app.tokenKey);
    const early = await Promise.all(Array.from({ length: 12 }, () => batcher.join(id, input())));
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    expect(started.statusCode).toBe(201);
    const tableOf = async (participantId: string) =>
      (await moderatorState(t.app, event)).participants.find((p: { id: string }) => p.id === participantId)
        .tableId as number;
    // The first arrival makes one table the fullest, 4 against 3 at the others.
    const first = await batcher.join(id, input());
    const fullest = await tableOf(first.participantId);
    // Everyone at the other tables now works where the next arrival works.
    for (const person of early) {
      if ((await tableOf(person.participantId)) === fullest) continue;
      expect((await updateMe(t.app, person.token, { organisation: 'Zeta' })).statusCode).toBe(200);
    }
    // A room carried on from the first arrival would not know of the colleagues and seat her at a
    // smaller table; the room of the state now keeps her away from them, at the fullest.
    const next = await batcher.join(id, input({ organisation: 'Zeta' }));
    expect(await tableOf(next.participantId)).toBe(fullest);
  });

  it('batches of arrivals that carry the round on leave it measured as a fresh measure of it', async () => {
    const event = await createEvent(t.app, { tables: { count: 5, seats: 6 } });
    const id = await eventIdOf(t.app, event.code);
    const batcher = new JoinBatcher(t.app, t.app.tokenKey);
    const orgs = ['Stadt', 'Uni', 'ACME'];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => batcher.join(id, input({ organisation: orgs[i % 3] }))),
    );
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    expect(started.statusCode).toBe(201);
    for (const size of [1, 3, 2, 4]) {
      const batch = Array.from({ length: size }, (_, i) =>
        batcher.join(id, input({ organisation: orgs[i % 3], role: i % 2 ? 'wirtschaft' : 'verwaltung' })),
      );
      await Promise.all(batch);
    }
    const fresh = (await loadEventState(t.app.db, id))!;
    expect(fresh.rounds.at(-1)!.seats.size).toBe(22);
    expect(fresh.rounds.at(-1)!.metrics).toEqual(liveRoundMetrics(fresh));
  });
});
