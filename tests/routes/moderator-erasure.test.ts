import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { count, dumpDatabase } from '../helpers/rows.js';

let t: TestApp;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app, { tables: { count: 4, seats: 4 }, plannedRounds: 1 });
});
afterEach(async () => t.close());

const as = (
  secret: string | null,
  method: 'GET' | 'POST' | 'DELETE' | 'PUT',
  path: string,
  payload?: object,
) =>
  t.app.inject({
    method,
    url: `/api/events/${event.code}${path}`,
    headers: secret ? auth(secret) : {},
    ...(payload && { payload }),
  });
const mod = (method: 'GET' | 'POST' | 'DELETE' | 'PUT', path: string, payload?: object) =>
  as(event.moderator, method, path, payload);

type Person = { id: string; displayName: string; tableId: number | null; simulated: boolean };
const people = async (): Promise<Person[]> => (await moderatorState(t.app, event)).participants;
const dump = () => dumpDatabase(t.app);

describe('a moderator erases one person', () => {
  it('erases a seated person during a live round: gone from the console, the live round and the screen', async () => {
    const joined = [];
    for (let i = 0; i < 8; i++) joined.push(await join(t.app, event.code, { displayName: `Gast ${i}` }));
    expect((await mod('POST', '/rounds')).statusCode).toBe(201);
    const ghost = joined[3]!;
    const before = (await people()).find((p) => p.id === ghost.participantId)!;
    expect(before.tableId).not.toBeNull();

    const res = await mod('DELETE', `/participants/${ghost.participantId}`);
    expect(res.statusCode).toBe(204);

    const after = await people();
    expect(after.map((p) => p.id)).not.toContain(ghost.participantId);
    expect(after.filter((p) => p.tableId !== null)).toHaveLength(7);
    const screen = (await as(event.screen, 'GET', '/screen')).json();
    expect(screen.seating.map((s: { name: string }) => s.name)).not.toContain('Gast 3');
    expect(screen.seating).toHaveLength(7);
    // The erased person's own token no longer opens anything.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(ghost.token) })).statusCode,
    ).toBe(401);
    expect(
      await count(t.app, 'select count(*) n from assignments where participant_id = ?', ghost.participantId),
    ).toBe(0);
  });

  it('erases a walk-in and a table host, clearing the host seat', async () => {
    const walkIn = await mod('POST', '/walk-ins', { displayName: 'Walter', role: 'politik', stage: 0 });
    const walkInId = walkIn.json().participantId as string;
    const state = await moderatorState(t.app, event);
    const tableId = state.tables[0].id as number;
    expect((await mod('PUT', `/tables/${tableId}/host`, { participantId: walkInId })).statusCode).toBe(200);

    expect((await mod('DELETE', `/participants/${walkInId}`)).statusCode).toBe(204);
    const after = await moderatorState(t.app, event);
    expect(after.participants).toHaveLength(0);
    expect(after.tables[0].hostParticipantId).toBeNull();
  });

  it('answers 404 for an unknown id and for a person of another event, 400 for a malformed id; nothing changes', async () => {
    const other = await createEvent(t.app);
    const stranger = await join(t.app, other.code);
    await join(t.app, event.code);
    const before = await dump();
    const cases: [string, number][] = [
      ['unknownid1234567', 404],
      [stranger.participantId, 404],
      ['bad!id', 400],
      ['x'.repeat(40), 400],
    ];
    for (const [id, status] of cases) {
      const res = await mod('DELETE', `/participants/${encodeURIComponent(id)}`);
      expect(res.statusCode, id).toBe(status);
      expect(res.json().error.code).toBeTypeOf('string');
    }
    expect(await dump()).toBe(before);
  });

  it('is for the moderator of this event only: every other secret is refused and nothing changes', async () => {
    const other = await createEvent(t.app);
    const person = await join(t.app, event.code);
    const before = await dump();
    const refused: [string | null, number][] = [
      [null, 401],
      ['x'.repeat(32), 403],
      [person.token, 403],
      [event.screen, 403],
      [other.moderator, 403],
    ];
    for (const [secret, status] of refused) {
      expect((await as(secret, 'DELETE', `/participants/${person.participantId}`)).statusCode).toBe(status);
      expect((await as(secret, 'DELETE', '/rehearsal')).statusCode).toBe(status);
    }
    expect(await dump()).toBe(before);
  });
});

describe('removing all rehearsal people', () => {
  it('removes every simulated person in one action and keeps the real ones, clearing a simulated host', async () => {
    for (let i = 0; i < 3; i++) await join(t.app, event.code, { displayName: `Echt ${i}` });
    await mod('POST', '/walk-ins', { displayName: 'Walter', role: 'politik', stage: 0 });
    expect((await mod('POST', '/rehearsal', { count: 40, seed: 3 })).statusCode).toBe(201);
    const state = await moderatorState(t.app, event);
    const simulated = state.participants.find((p: Person) => p.simulated);
    await mod('PUT', `/tables/${state.tables[1].id}/host`, { participantId: simulated.id });

    const res = await mod('DELETE', '/rehearsal');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ removed: 40 });
    const after = await moderatorState(t.app, event);
    expect(after.participants.map((p: Person) => p.displayName).sort()).toEqual([
      'Echt 0',
      'Echt 1',
      'Echt 2',
      'Walter',
    ]);
    expect(after.tables[1].hostParticipantId).toBeNull();
    expect((await mod('DELETE', '/rehearsal')).json()).toEqual({ removed: 0 });
  });

  it('is refused while a round is live (409) and changes nothing', async () => {
    await mod('POST', '/rehearsal', { count: 10, seed: 3 });
    await mod('POST', '/rounds');
    const before = await dump();
    const res = await mod('DELETE', '/rehearsal');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('round_live');
    expect(await dump()).toBe(before);
  });
});

describe('extra rounds', () => {
  it('marks a round beyond the planned number as extra for the console, the screen and the phones', async () => {
    const phone = await join(t.app, event.code);
    await mod('POST', '/rehearsal', { count: 5, seed: 3 });
    await mod('POST', '/rounds');
    const planned = await moderatorState(t.app, event);
    expect(planned).toMatchObject({ plannedRounds: 1, extraRound: false });
    await mod('POST', '/rounds/current/end');
    expect((await moderatorState(t.app, event)).extraRound).toBe(false);
    await mod('POST', '/rounds');

    expect(await moderatorState(t.app, event)).toMatchObject({ round: { number: 2 }, extraRound: true });
    expect((await as(event.screen, 'GET', '/screen')).json().extraRound).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(phone.token) });
    expect(me.json().extraRound).toBe(true);
  });
});
