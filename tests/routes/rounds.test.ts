import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyOf, toMatchPerson } from '../../src/domain/event-state.js';
import { currentPlan } from '../../src/domain/forward-plan.js';
import { measure } from '../../src/matching/index.js';
import { committedState } from '../../src/repositories/event-state.js';
import { findEventByCode } from '../../src/repositories/events.js';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { until } from '../helpers/until.js';

let t: TestApp;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app, { tables: { count: 4, seats: 4 }, minutesPerRound: 10 });
});
afterEach(async () => t.close());

const mod = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/events/${event.code}${path}`,
    headers: auth(event.moderator),
    ...(payload && { payload }),
  });

type Person = { id: string; tableId: number | null; presence: string; displayName: string };

/** Every pair that shared a table in the given moderator state's live round. */
function tablesOf(state: { participants: Person[] }) {
  const byTable = new Map<number, string[]>();
  for (const p of state.participants)
    if (p.tableId !== null) byTable.set(p.tableId, [...(byTable.get(p.tableId) ?? []), p.id]);
  return [...byTable.values()];
}

describe('rounds', () => {
  it('previews, starts, refuses a second start, extends and ends', async () => {
    for (let i = 0; i < 10; i++) await join(t.app, event.code, { organisation: `Org ${i % 3}` });
    const preview = await mod('GET', '/preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.json().metrics).toMatchObject({ repeats: 0, maxMeetings: expect.any(Number) });
    expect(preview.json().tables.flatMap((x: { people: string[] }) => x.people)).toHaveLength(10);

    const start = await mod('POST', '/rounds');
    expect(start.statusCode).toBe(201);
    expect(start.json()).toEqual({ number: 1 });
    const state = await moderatorState(t.app, event);
    expect(state.event.phase).toBe('round');
    expect(state.round.endsAt - state.round.startedAt).toBe(10 * 60_000);
    const sizes = tablesOf(state).map((x) => x.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b)).toBe(10);

    expect((await mod('POST', '/rounds')).json().error.code).toBe('round_live');
    expect((await mod('POST', '/rounds/current/extend', { minutes: 3 })).statusCode).toBe(200);
    expect((await moderatorState(t.app, event)).round.endsAt).toBe(state.round.endsAt + 3 * 60_000);
    expect((await mod('POST', '/rounds/current/extend', { minutes: 0 })).statusCode).toBe(400);
    expect((await mod('POST', '/rounds/current/end')).statusCode).toBe(200);
    expect((await mod('POST', '/rounds/current/end')).json().error.code).toBe('no_live_round');
    expect((await moderatorState(t.app, event)).event.phase).toBe('between');
  });

  it('keeps the rest of the plan after a start with the metrics measuring it gives', async () => {
    for (let i = 0; i < 14; i++)
      await join(t.app, event.code, { organisation: `Org ${i % 4}`, interests: i % 2 ? ['governance'] : [] });
    const eventId = (await findEventByCode(t.app.db, event.code))!.id;
    for (let round = 1; round <= 3; round++) {
      expect((await mod('GET', '/preview')).statusCode).toBe(200);
      expect((await mod('POST', '/rounds')).statusCode).toBe(201);
      expect((await mod('POST', '/rounds/current/end')).statusCode).toBe(200);
      const state = (await committedState(t.app.db, eventId))!;
      // Started from the stored plan: its rest is kept, not planned again.
      const plan = currentPlan(state)!;
      expect(plan).toHaveLength(4 - round);
      const everyone = state.participants.map(toMatchPerson);
      const history = historyOf(state);
      const preview = (await mod('GET', '/preview')).json();
      expect(preview.remainingMetrics).toEqual(measure(plan, everyone, history));
      expect(preview.eveningMetrics).toEqual(measure([...history, ...plan], everyone));
      expect(preview.metrics).toEqual(measure([plan[0]!], everyone, history));
    }
  });

  it('refuses to start with nobody present, and with more people than seats', async () => {
    expect((await mod('POST', '/rounds')).json().error.code).toBe('nobody_present');
    for (let i = 0; i < 17; i++) await join(t.app, event.code);
    const res = await mod('POST', '/rounds');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'not_enough_seats', details: { people: 17, seats: 16 } });
    expect(res.json().error.message).toContain('add tables');
    expect((await moderatorState(t.app, event)).rounds).toHaveLength(0);
  });

  it('runs three rounds with breaks, departures and arrivals, and nobody meets twice', async () => {
    // Tables of 3 so that a repeat-free schedule exists (with g tables of s seats and g < s it cannot).
    await mod('PATCH', '', { tables: { count: 5, seats: 3 } });
    const people: { participantId: string; token: string }[] = [];
    for (let i = 0; i < 12; i++) people.push(await join(t.app, event.code));
    const met = new Set<string>();
    const seatedEachRound: number[] = [];
    for (let round = 1; round <= 3; round++) {
      if (round === 2) {
        await t.app.inject({
          method: 'PATCH',
          url: '/api/me',
          headers: auth(people[0]!.token),
          payload: { presence: 'break' },
        });
        await t.app.inject({
          method: 'PATCH',
          url: '/api/me',
          headers: auth(people[1]!.token),
          payload: { presence: 'left' },
        });
        people.push(await join(t.app, event.code));
      }
      if (round === 3) {
        await t.app.inject({
          method: 'PATCH',
          url: '/api/me',
          headers: auth(people[0]!.token),
          payload: { presence: 'present' },
        });
        await mod('PATCH', `/participants/${people[2]!.participantId}`, { presence: 'absent' });
        people.push(await join(t.app, event.code));
      }
      expect((await mod('POST', '/rounds')).statusCode).toBe(201);
      const state = await moderatorState(t.app, event);
      const tables = tablesOf(state);
      seatedEachRound.push(tables.flat().length);
      for (const table of tables) {
        for (const a of table)
          for (const b of table)
            if (a < b) {
              expect(met.has(`${a}|${b}`)).toBe(false);
              met.add(`${a}|${b}`);
            }
      }
      const seated = new Set(tables.flat());
      for (const p of state.participants as Person[]) expect(seated.has(p.id)).toBe(p.presence === 'present');
      const phone = (
        await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(people[3]!.token) })
      ).json();
      const mine = state.participants.find((p: Person) => p.id === people[3]!.participantId);
      const table = state.tables.find((x: { id: number }) => x.id === mine.tableId);
      expect(phone.seat.table.label).toBe(table.label);
      expect(phone.seat.mates).toHaveLength(tables.find((x) => x.includes(mine.id))!.length - 1);
      await mod('POST', '/rounds/current/end');
    }
    expect(seatedEachRound).toEqual([12, 11, 12]);
    const final = await moderatorState(t.app, event);
    expect(final.rounds.map((r: { metrics: { repeats: number } }) => r.metrics.repeats)).toEqual([0, 0, 0]);
    expect(final.metrics.maxMeetings).toBe(1);
  });

  it('seats someone joining during a live round at a free seat without moving anyone', async () => {
    for (let i = 0; i < 9; i++) await join(t.app, event.code);
    await mod('POST', '/rounds');
    const before = await moderatorState(t.app, event);
    const late = await join(t.app, event.code);
    const after = await moderatorState(t.app, event);
    for (const p of before.participants as Person[]) {
      expect(after.participants.find((q: Person) => q.id === p.id).tableId).toBe(p.tableId);
    }
    const seat = after.participants.find((p: Person) => p.id === late.participantId).tableId;
    expect(seat).not.toBeNull();
    const phone = (await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(late.token) })).json();
    expect(phone.seat.table.label).toBeTruthy();
  });

  it('lets the moderator add a walk-in, seat a returning person and move someone', async () => {
    for (let i = 0; i < 6; i++) await join(t.app, event.code);
    const walkIn = await mod('POST', '/walk-ins', {
      displayName: 'Walk In',
      role: 'politik',
      stage: 0,
      interests: [],
    });
    expect(walkIn.statusCode).toBe(201);
    const back = await join(t.app, event.code);
    await mod('PATCH', `/participants/${back.participantId}`, { presence: 'break' });
    await mod('POST', '/rounds');
    let state = await moderatorState(t.app, event);
    expect(state.participants.find((p: Person) => p.displayName === 'Walk In').tableId).not.toBeNull();
    expect(state.participants.find((p: Person) => p.id === back.participantId).tableId).toBeNull();

    // Marked present again during the round: seated at once.
    await mod('PATCH', `/participants/${back.participantId}`, { presence: 'present' });
    state = await moderatorState(t.app, event);
    expect(state.participants.find((p: Person) => p.id === back.participantId).tableId).not.toBeNull();
    const again = await mod('POST', '/rounds/current/seats', { participantId: back.participantId });
    expect(again.json().error.code).toBe('already_seated');

    const someone = state.participants[0] as Person;
    const seatedAt = (id: number) => state.participants.filter((p: Person) => p.tableId === id).length;
    const target = state.tables.find((x: { id: number }) => x.id !== someone.tableId && seatedAt(x.id) > 0);
    const empty = state.tables.find((x: { id: number }) => seatedAt(x.id) === 0);
    const alone = await mod('POST', '/rounds/current/moves', {
      participantId: someone.id,
      tableId: empty.id,
    });
    expect(alone.json().error.code).toBe('would_sit_alone');
    // Every table in use is full: the move is a swap with someone there.
    expect(seatedAt(target.id)).toBe(target.seats);
    const full = await mod('POST', '/rounds/current/moves', {
      participantId: someone.id,
      tableId: target.id,
    });
    expect(full.json().error.code).toBe('table_full');
    const other = state.participants.find((p: Person) => p.tableId === target.id) as Person;
    const swap = { participantId: someone.id, tableId: target.id, swapWith: other.id };
    expect((await mod('POST', '/rounds/current/moves', swap)).statusCode).toBe(200);
    const from = someone.tableId;
    state = await moderatorState(t.app, event);
    expect(state.participants[0].tableId).toBe(target.id);
    expect(state.participants.find((p: Person) => p.id === other.id).tableId).toBe(from);
    expect(
      (await mod('POST', '/rounds/current/moves', { participantId: someone.id, tableId: 99999 })).json().error
        .code,
    ).toBe('unknown_table');
  });

  it('ends a round by itself at its end time, and keeps it live across a restart', async () => {
    for (let i = 0; i < 8; i++) await join(t.app, event.code);
    await mod('POST', '/rounds');
    const before = await moderatorState(t.app, event);
    await t.restart();
    const after = await moderatorState(t.app, event);
    expect(after.event.phase).toBe('round');
    expect(after.round).toEqual(before.round);
    expect(after.participants).toEqual(before.participants);

    // The clock passes the end time while the server is down: the restored timer ends it at start.
    t.clock.advance(11 * 60_000);
    await t.restart();
    await until(async () => (await moderatorState(t.app, event)).event.phase === 'between', 'round ended');
    const ended = await moderatorState(t.app, event);
    expect(ended.rounds[0].status).toBe('ended');
  });

  it('exports CSV, the print plan, and fills a rehearsal', async () => {
    expect((await mod('POST', '/rehearsal', { count: 14, seed: 3 })).json()).toEqual({ added: 14 });
    await join(t.app, event.code, { displayName: '=HYPERLINK("x")' });
    await mod('POST', '/rounds');
    const csv = await mod('GET', '/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(16);
    expect(lines[0]).toContain('round_1');
    expect(csv.body).toContain(`'=HYPERLINK`);
    const plan = (await mod('GET', '/plan')).json();
    expect(plan.rounds[0].seating).toHaveLength(15);
    expect((await mod('POST', '/rehearsal', { count: 0 })).statusCode).toBe(400);
  });

  it('makes a table host stay at their table', async () => {
    for (let i = 0; i < 11; i++) await join(t.app, event.code);
    const state = await moderatorState(t.app, event);
    const host = state.participants[4] as Person;
    const table = state.tables[2];
    expect((await mod('PUT', `/tables/${table.id}/host`, { participantId: host.id })).statusCode).toBe(200);
    for (let round = 0; round < 2; round++) {
      await mod('POST', '/rounds');
      const live = await moderatorState(t.app, event);
      expect(live.participants.find((p: Person) => p.id === host.id).tableId).toBe(table.id);
      await mod('POST', '/rounds/current/end');
    }
  });

  it("keeps the live round's quality figures true after a move", async () => {
    await mod('PATCH', '', { tables: { count: 3, seats: 4 } });
    for (let i = 0; i < 6; i++) await join(t.app, event.code, { organisation: `Org ${i}` });
    await mod('POST', '/rounds');
    let state = await moderatorState(t.app, event);
    expect(state.rounds[0].metrics.repeats).toBe(0);
    await mod('POST', '/rounds/current/end');
    await mod('POST', '/rounds');
    state = await moderatorState(t.app, event);
    // Seat someone with a person met in round 1: the stored figures must show the repeat.
    const previous = new Map<string, number>();
    const first = (await mod('GET', '/plan')).json().rounds[0].seating as { name: string; table: string }[];
    for (const s of first) previous.set(s.name, Number(s.table));
    const mover = state.participants[0] as Person;
    const oldMate = state.participants.find(
      (p: Person) => p.id !== mover.id && previous.get(p.displayName) === previous.get(mover.displayName),
    ) as Person;
    const seatedAt = (id: number) => state.participants.filter((p: Person) => p.tableId === id).length;
    const target = state.tables.find((x: { id: number; seats: number }) => x.id === oldMate.tableId);
    expect(seatedAt(target.id)).toBeLessThan(target.seats);
    expect(
      (await mod('POST', '/rounds/current/moves', { participantId: mover.id, tableId: target.id }))
        .statusCode,
    ).toBe(200);
    state = await moderatorState(t.app, event);
    expect(state.rounds[1].metrics.repeats).toBeGreaterThanOrEqual(1);
    expect(state.rounds[1].metrics.maxMeetings).toBe(2);
  });
});
