import { expect } from 'vitest';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from './api.js';
import type { TestApp } from './app.js';

export interface Seated {
  participantId: string;
  token: string;
  tableId: number | null;
}

/** An event with `people` joined and round 1 live; each person with the table they got. */
export async function eventWithLiveRound(t: TestApp, people = 8) {
  const event = await createEvent(t.app, { tables: { count: 2, seats: 6 }, minutesPerRound: 10 });
  const joined = [];
  for (let i = 0; i < people; i++) joined.push(await join(t.app, event.code, { organisation: `Org ${i}` }));
  expect((await startRound(t, event)).statusCode).toBe(201);
  return { event, people: await seated(t, event, joined) };
}

export async function seated(
  t: TestApp,
  event: CreatedEvent,
  joined: { participantId: string; token: string }[],
): Promise<Seated[]> {
  const state = await moderatorState(t.app, event);
  const tableOf = new Map<string, number | null>(
    state.participants.map((p: { id: string; tableId: number | null }) => [p.id, p.tableId]),
  );
  return joined.map((j) => ({ ...j, tableId: tableOf.get(j.participantId) ?? null }));
}

export const startRound = (t: TestApp, event: CreatedEvent) =>
  t.app.inject({ method: 'POST', url: `/api/events/${event.code}/rounds`, headers: auth(event.moderator) });

export const endRound = (t: TestApp, event: CreatedEvent) =>
  t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds/current/end`,
    headers: auth(event.moderator),
  });

export const asModerator = (
  t: TestApp,
  event: CreatedEvent,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  payload?: object,
) =>
  t.app.inject({
    method,
    url: `/api/events/${event.code}${path}`,
    headers: auth(event.moderator),
    ...(payload && { payload }),
  });

export const asPhone = (t: TestApp, token: string, method: 'GET' | 'POST', path: string, payload?: object) =>
  t.app.inject({ method, url: `/api/me${path}`, headers: auth(token), ...(payload && { payload }) });

export const myView = async (t: TestApp, token: string) => (await asPhone(t, token, 'GET', '')).json();

export const screenView = async (t: TestApp, event: CreatedEvent) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/screen`,
      headers: auth(event.screen),
    })
  ).json();
