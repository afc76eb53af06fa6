import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatingPlan, sharedContacts } from '../../src/domain/exports.js';
import { moderatorView, participantView, publicInfo, screenView } from '../../src/domain/views.js';
import { loadEventState } from '../../src/repositories/event-state.js';
import { auth, type CreatedEvent, createEvent, eventIdOf, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/**
 * The response serializer keeps only what a route's schema names. Each JSON answer here must equal
 * the pure view it is made from, so a field a schema forgot fails this test instead of vanishing.
 */
let t: TestApp;
let event: CreatedEvent;
let eventId: string;
let people: { participantId: string; token: string }[];

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const state = async () => (await loadEventState(t.app.db, eventId))!;
const links = () => ({ join: `${t.app.config.PUBLIC_URL}/j/${event.code}` });

async function get(url: string, secret?: string) {
  const res = await t.app.inject({ method: 'GET', url, ...(secret && { headers: auth(secret) }) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Until no re-plan is pending, so the stored data cannot change between the answer and the view. */
async function settle(): Promise<void> {
  for (;;) {
    await t.app.planner.ensureCurrent(eventId);
    if (t.app.planner.status(eventId) === 'idle') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  event = await createEvent(t.app, {
    tables: [
      { label: 'Fenster', seats: 4, topic: 'governance' },
      { label: '2', seats: 4 },
      { label: '3', seats: 4 },
    ],
  });
  people = [];
  for (let i = 0; i < 6; i++) {
    people.push(
      await join(t.app, event.code, {
        contact: `p${i}@example.org`,
        shareContact: i % 2 === 0,
        interests: ['governance', 'lizenzen'],
      }),
    );
  }
  const walkIn = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/walk-ins`,
    headers: auth(event.moderator),
    payload: { displayName: 'Ohne Telefon', role: 'politik', stage: 0 },
  });
  expect(walkIn.statusCode).toBe(201);
  const round = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds`,
    headers: auth(event.moderator),
  });
  expect(round.statusCode).toBe(201);
  eventId = await eventIdOf(t.app, event.code);
  await settle();
});
afterAll(async () => t.close());

describe('the wire keeps every field of the views', () => {
  it('GET /state is the moderator view, plan and live round included', async () => {
    const body = await get(`/api/events/${event.code}/state`, event.moderator);
    const view = moderatorView(await state(), links());
    expect(view.plan).not.toBeNull();
    expect(view.round).not.toBeNull();
    expect(body).toEqual({ ...plain(view), serverTime: t.clock.now() });
  });

  it('GET /screen is the screen view', async () => {
    const body = await get(`/api/events/${event.code}/screen`, event.screen);
    const view = screenView(await state(), links().join);
    expect(view.seating.length).toBe(7);
    expect(body).toEqual({ ...plain(view), serverTime: t.clock.now() });
  });

  it('GET /api/me is the participant view, with a seat and mates', async () => {
    const me = people[0]!;
    const body = await get('/api/me', me.token);
    const view = participantView(await state(), me.participantId)!;
    expect(view.seat?.mates.length).toBeGreaterThan(0);
    expect(body).toEqual({ ...plain(view), serverTime: t.clock.now() });
  });

  it('GET /api/events/:code is the public info with links and retention', async () => {
    const body = await get(`/api/events/${event.code}`);
    expect(body).toEqual({
      ...plain(publicInfo(await state())),
      links: links(),
      retentionDays: t.app.config.RETENTION_DAYS,
    });
  });

  it('GET /plan is the printable plan, played and planned rounds', async () => {
    const body = await get(`/api/events/${event.code}/plan`, event.moderator);
    const plan = seatingPlan(await state());
    expect(plan.rounds.some((r) => r.planned)).toBe(true);
    expect(body).toEqual({ title: 'Netzwerkfrühstück', ...plain(plan) });
  });

  it('GET /api/me/contacts after the event lists what sharedContacts gives', async () => {
    const finish = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/finish`,
      headers: auth(event.moderator),
    });
    expect(finish.statusCode).toBe(200);
    const me = people[0]!;
    const body = await get('/api/me/contacts', me.token);
    const contacts = sharedContacts(await state(), me.participantId);
    expect(body).toEqual({ contacts: plain(contacts) });
  });
});
