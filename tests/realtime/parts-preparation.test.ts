import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FanOuts } from '../../src/realtime/fan-out.js';
import { PREPARE_AFTER_QUIET_MS } from '../../src/realtime/hub.js';
import { PartsPreparation } from '../../src/realtime/phone-views.js';
import { auth, type CreatedEvent, createEvent, eventIdOf, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { until } from '../helpers/until.js';
import { listen, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let url: string;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  url = (await listen(t.app)).url;
  event = await createEvent(t.app, { tables: { count: 3, seats: 4 } });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

async function hello(message: Record<string, unknown>): Promise<TestSocket> {
  const socket = await TestSocket.open(url);
  socket.send({ type: 'hello', ...message });
  await socket.next('snapshot');
  return socket;
}

it("prepares the next round's phone parts only once the start's push has reached every socket", async () => {
  const people = [];
  for (let i = 0; i < 8; i++) people.push(await join(t.app, event.code, { organisation: `Org ${i}` }));
  const sockets = [
    ...(await Promise.all(people.map((p) => hello({ role: 'participant', token: p.token })))),
    await hello({ role: 'screen', code: event.code, secret: event.screen }),
    await hello({ role: 'moderator', code: event.code, secret: event.moderator }),
  ];
  const eventId = await eventIdOf(t.app, event.code);

  // From the round's start on, each shared view of a push holds the loop for half the quiet time,
  // so that a push lasts longer than the quiet time, as the start's push does at 5,000 phones.
  let slow = false;
  let fanOuts: FanOuts | null = null;
  const start = FanOuts.prototype.start;
  vi.spyOn(FanOuts.prototype, 'start').mockImplementation(function (this: FanOuts, ...args) {
    fanOuts = this;
    const [id, all, targets, ...rest] = args;
    const warmups = targets.warmups.map((build) => () => {
      const until = performance.now() + (slow ? PREPARE_AFTER_QUIET_MS / 2 : 0);
      while (performance.now() < until);
      build();
    });
    return start.call(this, id, all, { ...targets, warmups }, ...rest);
  });
  const steps: ('apart' | 'during a push')[] = [];
  const step = PartsPreparation.prototype.step;
  vi.spyOn(PartsPreparation.prototype, 'step').mockImplementation(function (this: PartsPreparation, ...args) {
    steps.push(fanOuts?.underWay(eventId) ? 'during a push' : 'apart');
    return step.apply(this, args);
  });

  slow = true;
  const started = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds`,
    headers: auth(event.moderator),
  });
  expect(started.statusCode).toBe(201);
  // The next round is prepared after the push, and never while one was under way.
  await until(() => steps.length > 0, 'the next round prepared');
  expect(steps).not.toContain('during a push');
  for (const socket of sockets) socket.close();
});
