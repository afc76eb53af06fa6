import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { flatSeating } from '../helpers/seating.js';

const EVENING = { timeout: 600_000 };

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const mod = (event: CreatedEvent, method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
  t.app.inject({ method, url: `/api/events/${event.code}${path}`, headers: auth(event.moderator), payload });

type Seat = { participantId: string; tableId: number };

async function playRounds(event: CreatedEvent, rounds: number) {
  for (let r = 0; r < rounds; r++) {
    await vi.waitFor(
      async () => {
        if (!(await moderatorState(t.app, event)).plan?.current) throw new Error('plan not current');
      },
      { timeout: 300_000, interval: 50 },
    );
    const started = await mod(event, 'POST', '/rounds');
    expect(started.statusCode, started.body).toBe(201);
    expect((await mod(event, 'POST', '/rounds/current/end')).statusCode).toBe(200);
  }
  return moderatorState(t.app, event);
}

const tableOf = (round: Parameters<typeof flatSeating>[0], id: string) =>
  flatSeating(round).find((s) => s.participantId === id)?.tableId;

describe('seating wishes', () => {
  it('keeps people who know each other apart, and tells only the one who said it', EVENING, async () => {
    t = await createTestApp();
    const event = await createEvent(t.app, { tables: { count: 4, seats: 4 }, plannedRounds: 3 });
    const people = [];
    for (let i = 0; i < 16; i++) people.push(await join(t.app, event.code, { organisation: null }));
    const pairs: [number, number][] = [];
    for (let i = 0; i < 16; i += 2) pairs.push([i, i + 1]);
    for (const [a, b] of pairs) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/me/known/${people[b]!.participantId}`,
        headers: auth(people[a]!.token),
      });
      expect(res.statusCode).toBe(204);
    }
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/me/known/nobody-at-all',
      headers: auth(people[0]!.token),
    });
    expect(unknown.statusCode).toBe(409);

    const final = await playRounds(event, 3);
    for (const round of final.rounds)
      for (const [a, b] of pairs)
        expect(tableOf(round, people[a]!.participantId)).not.toBe(tableOf(round, people[b]!.participantId));

    // Seat the pair together by a swap: only the one who said it sees "known".
    await mod(event, 'POST', '/rounds');
    const state = await moderatorState(t.app, event);
    const seats: Seat[] = flatSeating(state.rounds.at(-1));
    const [a, b] = [people[0]!, people[1]!];
    const tableA = seats.find((s) => s.participantId === a.participantId)!.tableId;
    const mateOfA = seats.find((s) => s.tableId === tableA && s.participantId !== a.participantId)!;
    const tableB = seats.find((s) => s.participantId === b.participantId)!.tableId;
    if (tableA !== tableB) {
      const swap = { participantId: b.participantId, tableId: tableA, swapWith: mateOfA.participantId };
      expect((await mod(event, 'POST', '/rounds/current/moves', swap)).statusCode).toBe(200);
    }
    const viewOf = async (token: string) =>
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(token) })).json();
    const fromA = (await viewOf(a.token)).seat.mates.find((m: { id: string }) => m.id === b.participantId);
    const fromB = (await viewOf(b.token)).seat.mates.find((m: { id: string }) => m.id === a.participantId);
    expect(fromA.known).toBe(true);
    expect(fromB.known).toBe(false);
  });

  it('keeps people who asked to stay seated at one table for five rounds', EVENING, async () => {
    t = await createTestApp();
    const event = await createEvent(t.app, { tables: { count: 5, seats: 5 }, plannedRounds: 5 });
    const stay = [];
    for (let i = 0; i < 20; i++) {
      const joined = await join(t.app, event.code, { staySeated: i < 2 });
      if (i < 2) stay.push(joined.participantId);
    }
    const final = await playRounds(event, 5);
    for (const id of stay) {
      const tables = new Set(final.rounds.map((r: Parameters<typeof flatSeating>[0]) => tableOf(r, id)));
      expect(tables.size).toBe(1);
    }
    expect(final.participants.filter((p: { staySeated: boolean }) => p.staySeated)).toHaveLength(2);
    expect(final.metrics.maxMeetings).toBeLessThanOrEqual(2);
  });

  it('seats people who need a step-free table only at one, or says there are too few', EVENING, async () => {
    t = await createTestApp();
    const tables = [1, 2, 3, 4, 5].map((n) => ({
      label: `T${n}`,
      seats: 5,
      features: n <= 2 ? ['step_free'] : [],
    }));
    const event = await createEvent(t.app, { tables, plannedRounds: 5 });
    const needing = [];
    for (let i = 0; i < 20; i++) {
      const joined = await join(t.app, event.code, { tableNeeds: i < 2 ? ['step_free'] : [] });
      if (i < 2) needing.push(joined.participantId);
    }
    const final = await playRounds(event, 5);
    const stepFree = new Set(
      final.tables
        .filter((x: { features: string[] }) => x.features.includes('step_free'))
        .map((x: { id: number }) => x.id),
    );
    expect(stepFree.size).toBe(2);
    for (const round of final.rounds)
      for (const id of needing) expect(stepFree.has(tableOf(round, id)!)).toBe(true);

    await join(t.app, event.code, { tableNeeds: ['step_free'] });
    const refused = await mod(event, 'POST', '/rounds');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('not_enough_suitable_tables');
  });
});
