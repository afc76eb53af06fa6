import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { participantView } from '../../src/domain/views.js';
import { PhoneViews } from '../../src/realtime/phone-views.js';
import { loadEventState } from '../../src/repositories/event-state.js';
import { auth, createEvent, join, moderatorState } from '../helpers/api.js';
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
  await t.app.inject({
    method: 'PATCH',
    url: '/api/me',
    headers: auth(joined[0]!.token),
    payload: { presence: 'break' },
  });
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
  const eventId = (
    t.app.db.$client.prepare('select id from events where code = ?').get(event.code) as {
      id: string;
    }
  ).id;
  return { event, joined, eventId };
}

describe('phone views built per table', () => {
  it('are exactly the participant view of each person, seated or not', async () => {
    const { joined, eventId } = await liveEvent(23);
    const state = loadEventState(t.app.db, eventId)!;
    const phones = new PhoneViews(state);
    for (const j of joined) {
      expect(phones.json(j.participantId)).toBe(JSON.stringify(participantView(state, j.participantId)));
    }
    expect(phones.json('nobody-with-this-id')).toBeNull();
  });

  it("never carry another table's people, anyone's contact but one's own, or a token", async () => {
    const { event, joined, eventId } = await liveEvent(23);
    const phones = new PhoneViews(loadEventState(t.app.db, eventId)!);
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
