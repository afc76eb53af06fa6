import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOIN_PUSH_INTERVAL_MS } from '../../src/realtime/hub.js';
import { auth, type CreatedEvent, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { listen, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let url: string;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  url = (await listen(t.app)).url;
  event = await createEvent(t.app, { tables: { count: 10, seats: 6 } });
});
afterEach(async () => t.close());

async function screenSocket() {
  const socket = await TestSocket.open(url);
  const arrivals: number[] = [];
  socket.ws.on('message', () => arrivals.push(performance.now()));
  socket.send({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
  return { socket, arrivals, first: await socket.next('snapshot') };
}

describe('pushes caused by joins', () => {
  it('reach the screen at most once per interval, the last with everyone; other changes take them along', async () => {
    const { socket, arrivals, first } = await screenSocket();
    const started = performance.now();
    for (let i = 0; i < 12; i++) await join(t.app, event.code, { displayName: `Wave ${i}` });

    // The screen ends up with exactly what a screen connecting now is shown.
    const latest = await screenSocket();
    latest.socket.close();
    const last = await socket.next('snapshot', (m) => m.etag === latest.first.etag);
    expect(last.view).toEqual(latest.first.view);

    // Pushes at least the interval apart: never more than the time since the first join allows.
    const pushes = arrivals.slice(1, socket.messages.indexOf(last) + 1);
    const elapsed = pushes.at(-1)! - started;
    expect(pushes.length).toBeLessThanOrEqual(Math.floor(elapsed / JOIN_PUSH_INTERVAL_MS) + 1);
    expect(first.version).toBeLessThan(last.version);

    // A change that is not a join pushes at once and takes the join held just before it along.
    const seen = socket.messages.length;
    await join(t.app, event.code, { displayName: 'Just before the rename' });
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.code}`,
      headers: auth(event.moderator),
      payload: { title: 'Renamed' },
    });
    expect(renamed.statusCode).toBe(200);
    const screen = (m: { view: unknown }) => m.view as { title: string; joinedCount: number };
    const afterRename = await socket.next('snapshot', (m) => screen(m).title === 'Renamed', { from: seen });
    expect(screen(afterRename).joinedCount).toBe(13);
    socket.close();
  });
});
