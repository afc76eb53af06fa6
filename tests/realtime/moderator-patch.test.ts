import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectRealtime, type RealtimeClient } from '../../web/src/lib/realtime-client.js';
import { auth, type CreatedEvent, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { listen, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let url: string;
let event: CreatedEvent;
let clients: RealtimeClient[] = [];
beforeEach(async () => {
  t = await createTestApp();
  url = (await listen(t.app)).url;
  event = await createEvent(t.app, { tables: { count: 40, seats: 6 } });
  const added = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rehearsal`,
    headers: auth(event.moderator),
    payload: { count: 200, seed: 1 },
  });
  expect(added.statusCode).toBe(201);
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await t.close();
});

const mod = (path: string, payload?: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}${path}`,
    headers: auth(event.moderator),
    payload,
  });

const frameSize = (m: unknown) => JSON.stringify(m).length;

async function freshView() {
  const socket = await TestSocket.open(url);
  socket.send({ type: 'hello', role: 'moderator', code: event.code, secret: event.moderator });
  const snapshot = await socket.next('snapshot');
  socket.close();
  return snapshot;
}

describe('moderator pushes send what changed', () => {
  it('an extend and a join reach a moderator as small patches that rebuild exactly the new view', async () => {
    expect((await mod('/rounds')).statusCode).toBe(201);
    const socket = await TestSocket.open(url);
    socket.send({ type: 'hello', role: 'moderator', code: event.code, secret: event.moderator });
    const first = await socket.next('snapshot');

    const seen = socket.messages.length;
    expect((await mod('/rounds/current/extend', { minutes: 2 })).statusCode).toBe(200);
    const extend = await socket.next('patch', () => true, { from: seen });
    expect(extend.base).toBe(first.etag);
    expect(frameSize(extend)).toBeLessThan(frameSize(first) / 5);

    const seenAgain = socket.messages.length;
    await join(t.app, event.code, { displayName: 'Late Lena' });
    const joined = await socket.next('patch', () => true, { from: seenAgain });
    expect(joined.base).toBe(extend.etag);
    expect(
      joined.patch.lists?.participants?.upsert.map(
        (r) => (r as unknown as { displayName: string }).displayName,
      ),
    ).toEqual(['Late Lena']);
    // Seated in the live round: the patch carries her table's entry, not the round's whole seating.
    const lena = joined.patch.lists!.participants!.upsert[0] as { id: string; tableId: number };
    expect(lena.tableId).not.toBeNull();
    const [round] = joined.patch.lists!.seatings!.edit!;
    expect(round!.patch.lists!.seating!.upsert).toEqual([
      { tableId: lena.tableId, people: expect.arrayContaining([lena.id]) },
    ]);
    expect(round!.patch.lists!.seating!.order).toBeUndefined();

    expect(frameSize(joined)).toBeLessThan(frameSize(first) / 20);
    expect((await freshView()).etag).toBe(joined.etag);
    socket.close();
  });

  it('the shared client applies the patches and holds the same view as a fresh snapshot', async () => {
    const views: unknown[] = [];
    clients.push(
      connectRealtime({
        url,
        credentials: { type: 'hello', role: 'moderator', code: event.code, secret: event.moderator },
        onView: (view) => views.push(view),
        WebSocketImpl: WebSocket as never,
      }),
    );
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => views.length === 1);
    expect((await mod('/rounds')).statusCode).toBe(201);
    await until(() => views.length === 2);
    expect((await mod('/rounds/current/extend', { minutes: 1 })).statusCode).toBe(200);
    await until(() => views.length === 3);
    await join(t.app, event.code, { displayName: 'Late Lena' });
    await until(() => views.length === 4);
    const setPresence = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.code}/participants/${(views[3] as { participants: { id: string }[] }).participants[5]!.id}`,
      headers: auth(event.moderator),
      payload: { presence: 'absent' },
    });
    expect(setPresence.statusCode).toBe(200);
    await until(() => views.length === 5);
    expect(views.at(-1)).toEqual((await freshView()).view);
  });
});
