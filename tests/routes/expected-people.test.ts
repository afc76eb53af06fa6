import { afterEach, beforeEach, expect, it } from 'vitest';
import { auth, type CreatedEvent, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { row, rows } from '../helpers/rows.js';

let t: TestApp;
let event: CreatedEvent;

beforeEach(async () => {
  t = await createTestApp({ PLAN_EFFORT_MS: '20' });
  event = await createEvent(t.app);
});
afterEach(() => t.close());

const ATTENDEES = 'ticket,name\nE-1,Erwartet Eins\nE-2,Erwartet Zwei\nE-3,Erwartet Drei\n';

const storedPlan = () =>
  row<{ basis: string; rounds: unknown }>(
    t.app,
    'select basis_key as basis, rounds from plans join events on events.id = plans.event_id where code = ?',
    event.code,
  );

const screen = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/screen`,
      headers: auth(event.screen),
    })
  ).json();

it('leaves the forward plan, the screen and the counts as they were: expected people are nobody yet', async () => {
  const joined = [];
  for (let i = 0; i < 4; i++) joined.push((await join(t.app, event.code)).participantId);
  await t.app.planner.whenIdle();
  const planBefore = await storedPlan();
  expect(planBefore).toBeDefined();
  const screenBefore = await screen();

  const imported = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/registrations`,
    headers: auth(event.moderator),
    payload: { content: ATTENDEES },
  });
  expect(imported.json()).toMatchObject({ created: 3 });
  await t.app.planner.whenIdle();

  expect(await storedPlan()).toEqual(planBefore);
  const after = await screen();
  expect([after.joinedCount, after.presentCount]).toEqual([
    screenBefore.joinedCount,
    screenBefore.presentCount,
  ]);
  const start = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds`,
    headers: auth(event.moderator),
  });
  expect(start.statusCode).toBe(201);
  const seated = await rows<{ id: string }>(t.app, 'select participant_id as id from assignments');
  expect(seated.map((s) => s.id).sort()).toEqual([...joined].sort());
  const names = (await screen()).seating.map((s: { name: string }) => s.name);
  expect(names.some((n: string) => n.startsWith('Erwartet'))).toBe(false);
});
