import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentPlan } from '../../src/domain/forward-plan.js';
import { plannedSeats } from '../../src/domain/round-rules.js';
import { participantView } from '../../src/domain/views.js';
import { PartsPreparation, PhoneViews, type PreparedParts } from '../../src/realtime/phone-views.js';
import { committedState, loadEventState } from '../../src/repositories/event-state.js';
import { auth, createEvent, eventIdOf, join, moderatorState, updateMe } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const INTERESTS = ['governance', 'lizenzen', 'beschaffung', 'sicherheit'];

async function liveEvent(people: number) {
  const event = await createEvent(t.app, { tables: { count: 6, seats: 5 } });
  const joined = [];
  for (let i = 0; i < people; i++) {
    joined.push(
      await join(t.app, event.code, {
        displayName: `Name-${i}-x`,
        organisation: i % 3 ? `Org-${i}-x` : undefined,
        contact: `c${i}@example.org`,
        shareContact: i % 2 === 0,
        interests: INTERESTS.filter((_, k) => (i + k) % 3 !== 0),
      }),
    );
  }
  // Someone on a break is not seated: their phone has no table.
  await updateMe(t.app, joined[0]!.token, { presence: 'break' });
  const start = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds`,
    headers: auth(event.moderator),
  });
  expect(start.statusCode).toBe(201);
  // The round's question is part of every phone's view too.
  const question = await t.app.inject({
    method: 'PUT',
    url: `/api/events/${event.code}/questions/1`,
    headers: auth(event.moderator),
    payload: { de: 'Was nehmen Sie mit?', en: 'What do you take home?' },
  });
  expect(question.statusCode).toBeLessThan(300);
  // "We know each other", said by one side only.
  const state = await moderatorState(t.app, event);
  const seated = state.participants.filter((p: { tableId: number | null }) => p.tableId !== null);
  const a = seated[1]!;
  const mate = seated.find((p: { id: string; tableId: number }) => p.tableId === a.tableId && p.id !== a.id);
  const token = joined.find((j) => j.participantId === a.id)!.token;
  const known = await t.app.inject({ method: 'PUT', url: `/api/me/known/${mate.id}`, headers: auth(token) });
  expect(known.statusCode).toBeLessThan(300);
  const eventId = await eventIdOf(t.app, event.code);
  return { event, joined, eventId };
}

describe('phone views built per table', () => {
  it('are exactly the participant view of each person, seated or not', async () => {
    const { joined, eventId } = await liveEvent(23);
    const state = (await loadEventState(t.app.db, eventId))!;
    const phones = new PhoneViews(state);
    for (const j of joined) {
      expect(phones.json(j.participantId)).toBe(JSON.stringify(participantView(state, j.participantId)));
    }
    expect(phones.json('nobody-with-this-id')).toBeNull();
  });

  it("are exactly the participant view with each table's harvest and the feedback prompt after the round", async () => {
    const { event, joined, eventId } = await liveEvent(23);
    const me = (token: string, url: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/me/${url}`, headers: auth(token), payload });
    // Takeaways at several tables (one hidden by the moderator), while the round is live.
    for (const [i, j] of joined.slice(1, 8).entries()) {
      expect((await me(j.token, 'takeaways', { text: `Gelernt ${i}` })).statusCode).toBe(201);
    }
    const hide = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.code}/takeaways/1`,
      headers: auth(event.moderator),
      payload: { hidden: true },
    });
    expect(hide.statusCode).toBeLessThan(300);
    const compare = async () => {
      const state = (await loadEventState(t.app.db, eventId))!;
      const phones = new PhoneViews(state);
      for (const j of joined) {
        expect(phones.json(j.participantId)).toBe(JSON.stringify(participantView(state, j.participantId)));
      }
      return state;
    };
    const live = await compare();
    const harvests = new Set(
      joined.map((j) => JSON.stringify(participantView(live, j.participantId)!.cafe.harvest)),
    );
    expect(harvests.size).toBeGreaterThan(2);
    const end = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds/current/end`,
      headers: auth(event.moderator),
    });
    expect(end.statusCode).toBe(200);
    expect((await me(joined[2]!.token, 'feedback', { face: 'good' })).statusCode).toBe(201);
    const after = await compare();
    expect(participantView(after, joined[2]!.participantId)!.cafe.feedback?.given).toBe(true);
    expect(participantView(after, joined[3]!.participantId)!.cafe.feedback?.given).toBe(false);
  });

  it("never carry another table's people, anyone's contact but one's own, or a token", async () => {
    const { event, joined, eventId } = await liveEvent(23);
    const phones = new PhoneViews((await loadEventState(t.app.db, eventId))!);
    const state = await moderatorState(t.app, event);
    const tableOf = new Map(
      state.participants.map((p: { id: string; tableId: number }) => [p.id, p.tableId]),
    );
    for (const [i, j] of joined.entries()) {
      const text = phones.json(j.participantId)!;
      const view = JSON.parse(text);
      const mates = (view.seat?.mates ?? []).map((m: { id: string }) => m.id).sort();
      const expected = joined
        .filter((o) => o !== j && view.seat && tableOf.get(o.participantId) === tableOf.get(j.participantId))
        .map((o) => o.participantId)
        .sort();
      expect(mates).toEqual(expected);
      for (const [k, other] of joined.entries()) {
        if (k === i) continue;
        expect(text).not.toContain(other.token);
        expect(text).not.toContain(`c${k}@example.org`);
        if (!expected.includes(other.participantId)) expect(text).not.toContain(`Name-${k}-x`);
      }
      expect(text).not.toContain(j.token);
    }
  });
});

describe('phone parts prepared for the next round', () => {
  /** A room with a current plan and no live round: what the hub prepares from. */
  async function betweenRounds(people: number) {
    const event = await createEvent(t.app, { tables: { count: 5, seats: 4 }, plannedRounds: 3 });
    const joined = [];
    for (let i = 0; i < people; i++) {
      joined.push(
        await join(t.app, event.code, {
          displayName: `Name-${i}`,
          organisation: `Org-${i % 4}`,
          interests: INTERESTS.filter((_, k) => (i + k) % 2 === 0),
        }),
      );
    }
    const eventId = await eventIdOf(t.app, event.code);
    const plan = await vi.waitFor(
      async () => {
        const state = (await committedState(t.app.db, eventId))!;
        const next = currentPlan(state)?.[0];
        if (!next) throw new Error('plan not current yet');
        return { state, next };
      },
      { timeout: 300_000, interval: 50 },
    );
    return { event, joined, eventId, ...plan };
  }

  /** As the hub prepares them: the seats the start will commit, in the order a state lists them. */
  function prepare(
    state: NonNullable<Awaited<ReturnType<typeof committedState>>>,
    next: string[][],
    seats = plannedSeats(state, next),
  ) {
    const preparation = new PartsPreparation(state, { number: state.rounds.length + 1, seats });
    let done: PreparedParts | null = null;
    let steps = 0;
    while (!done) {
      done = preparation.step(3);
      steps++;
    }
    return { prepared: done, steps };
  }

  /** Whichever way a phone's view was built, it is exactly the participant view of the state. */
  function expectEachPhoneItsView(
    phones: PhoneViews,
    state: NonNullable<Awaited<ReturnType<typeof committedState>>>,
    joined: { participantId: string }[],
  ) {
    for (const j of joined) {
      expect(phones.json(j.participantId)).toBe(JSON.stringify(participantView(state, j.participantId)));
    }
  }

  const liveSeats = (state: NonNullable<Awaited<ReturnType<typeof committedState>>>) =>
    state.rounds.at(-1)!.seats;

  const start = (event: { code: string; moderator: string }) =>
    t.app.inject({ method: 'POST', url: `/api/events/${event.code}/rounds`, headers: auth(event.moderator) });

  it("fit the state a start leaves and give exactly each phone's participant view", async () => {
    const { event, joined, eventId, state, next } = await betweenRounds(18);
    const { prepared, steps } = prepare(state, next);
    expect(steps).toBeGreaterThan(1);
    expect((await start(event)).statusCode).toBe(201);
    const after = (await committedState(t.app.db, eventId))!;
    expect(prepared.fits(after)).toBe(true);
    const phones = new PhoneViews(after, { prepared });
    const built = new PhoneViews(after);
    for (const j of joined) {
      expect(phones.json(j.participantId)).toBe(JSON.stringify(participantView(after, j.participantId)));
      // Same view, same etag: a phone that resumes says "unchanged" whichever way its view was built.
      expect(phones.built(j.participantId)!.etag).toBe(built.built(j.participantId)!.etag);
    }
    // A fresh read of the same version holds other rows of the same people: they still fit.
    const fresh = (await loadEventState(t.app.db, eventId))!;
    expect(prepared.fits(fresh)).toBe(true);
    // Anything a seat shows, changed: they do not.
    const [a, b] = [...liveSeats(after).keys()];
    expect(prepared.fits({ ...fresh, knownPairs: [...fresh.knownPairs, [a!, b!]] })).toBe(false);
    const relabelled = fresh.tables.map((x, i) => (i === 0 ? { ...x, label: 'Fenster' } : x));
    expect(prepared.fits({ ...fresh, tables: relabelled })).toBe(false);
    const moved = fresh.participants.map((p) => (p.id === a ? { ...p, interests: [] } : p));
    expect(prepared.fits({ ...fresh, participants: moved })).toBe(false);
  });

  it("do not fit seats listed in another order: a seat lists its mates in the state's order", async () => {
    const { event, joined, eventId, state, next } = await betweenRounds(18);
    // The plan's order within each table, backwards: the same seats, listed otherwise.
    const backwards = new Map([...plannedSeats(state, next)].reverse());
    const { prepared } = prepare(state, next, backwards);
    expect((await start(event)).statusCode).toBe(201);
    const after = (await committedState(t.app.db, eventId))!;
    expect(prepared.fits(after)).toBe(false);
    const phones = new PhoneViews(after, { prepared });
    expectEachPhoneItsView(phones, after, joined);
  });

  it('prepared during a round fit the next start after the round ended', async () => {
    const { event, joined, eventId } = await betweenRounds(18);
    expect((await start(event)).statusCode).toBe(201);
    const { state, next } = await vi.waitFor(
      async () => {
        const live = (await committedState(t.app.db, eventId))!;
        const plan = currentPlan(live)?.[0];
        if (!plan) throw new Error('plan not current yet');
        return { state: live, next: plan };
      },
      { timeout: 300_000, interval: 50 },
    );
    const { prepared } = prepare(state, next);
    const end = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds/current/end`,
      headers: auth(event.moderator),
    });
    expect(end.statusCode).toBe(200);
    expect((await start(event)).statusCode).toBe(201);
    const after = (await committedState(t.app.db, eventId))!;
    expect(after.rounds).toHaveLength(2);
    expect(prepared.fits(after)).toBe(true);
    const phones = new PhoneViews(after, { prepared });
    expectEachPhoneItsView(phones, after, joined);
  });

  it('are not used once anything they show changed before the start', async () => {
    const { event, joined, eventId, state, next } = await betweenRounds(18);
    const { prepared } = prepare(state, next);
    const rename = await updateMe(t.app, joined[4]!.token, { displayName: 'Renamed before the round' });
    expect(rename.statusCode).toBe(200);
    await vi.waitFor(
      async () => {
        if (!currentPlan((await committedState(t.app.db, eventId))!)) throw new Error('plan not current yet');
      },
      { timeout: 300_000, interval: 50 },
    );
    expect((await start(event)).statusCode).toBe(201);
    const after = (await committedState(t.app.db, eventId))!;
    expect(prepared.fits(after)).toBe(false);
    const phones = new PhoneViews(after, { prepared });
    expectEachPhoneItsView(phones, after, joined);
    expect(phones.json(joined[5]!.participantId)).not.toContain('"Name-4"');
  });
});

describe('phone parts taken over from the version before', () => {
  it('hold where the person, their table and its people are the very same, and only there', async () => {
    const { event, joined, eventId } = await liveEvent(23);
    const before = (await committedState(t.app.db, eventId))!;
    const earlier = new PhoneViews(before);
    for (const j of joined) earlier.built(j.participantId);
    // Two arrive at once and are seated in the live round: their batch carries the state forward.
    const [a, b] = await Promise.all([join(t.app, event.code), join(t.app, event.code)]);
    const after = (await committedState(t.app.db, eventId))!;
    expect(after.tables).toBe(before.tables);
    const everyone = [...joined, a!, b!];
    const phones = new PhoneViews(after, { earlier: earlier.parts });
    for (const j of everyone) {
      expect(phones.json(j.participantId)).toBe(JSON.stringify(participantView(after, j.participantId)));
    }
    // Their tables' people see them; everyone else's view is as it was.
    const seats = after.rounds.at(-1)!.seats;
    const newcomerTables = new Set([seats.get(a!.participantId), seats.get(b!.participantId)]);
    expect(newcomerTables.has(undefined)).toBe(false);
    for (const j of joined) {
      const atTheirTable = newcomerTables.has(seats.get(j.participantId));
      const changed = phones.json(j.participantId) !== earlier.json(j.participantId);
      expect(changed, j.participantId).toBe(atTheirTable);
      // The very parts built before, not parts built again that read the same.
      const taken =
        phones.parts.personals.get(j.participantId) === earlier.parts.personals.get(j.participantId);
      expect(taken, j.participantId).toBe(!atTheirTable);
    }
    // A rename reads the state afresh: nothing of the views before is taken for what it changed.
    const rename = await updateMe(t.app, joined[5]!.token, { displayName: 'Renamed in the round' });
    expect(rename.statusCode).toBe(200);
    const renamed = (await committedState(t.app.db, eventId))!;
    const later = new PhoneViews(renamed, { earlier: phones.parts });
    for (const j of everyone) {
      expect(later.json(j.participantId)).toBe(JSON.stringify(participantView(renamed, j.participantId)));
    }
  });
});
