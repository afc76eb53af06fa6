import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectRealtime } from '../../web/src/lib/realtime-client.js';
import { fuzzRuns } from '../fuzz/runs.js';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { dumpDatabase } from '../helpers/rows.js';
import { until } from '../helpers/until.js';
import { listen, recordingWebSocket, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let url: string;
let port: number;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  ({ url, port } = await listen(t.app));
  event = await createEvent(t.app, { tables: { count: 4, seats: 4 } });
});
afterEach(async () => t.close());

const dump = () => dumpDatabase(t.app);

describe('through drops and restarts', () => {
  it('reconnects every client by itself after a restart mid-round, with the same table and end time', async () => {
    const people: { participantId: string; token: string }[] = [];
    for (let i = 0; i < 10; i++) people.push(await join(t.app, event.code));
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    const before = await moderatorState(t.app, event);

    type View = { seat: { table: { label: string } } | null; round: { endsAt: number } | null };
    const seen = people.map(() => [] as View[]);
    const statuses = people.map(() => [] as string[]);
    const heard = people.map(() => [] as string[]);
    const clients = people.map((p, i) =>
      connectRealtime({
        url,
        credentials: { type: 'hello', role: 'participant', token: p.token },
        onView: (view) => seen[i]!.push(view as View),
        onStatus: (s) => statuses[i]!.push(s),
        WebSocketImpl: recordingWebSocket(heard[i]!) as never,
        initialBackoffMs: 100,
        maxBackoffMs: 1000,
      }),
    );
    await until(() => seen.every((s) => s.length >= 1));
    const firstViews = seen.map((s) => s.at(-1)!);

    const marks = heard.map((h) => h.length);
    await t.restart();
    await listen(t.app, port);
    await until(() => statuses.every((s) => s.includes('reconnecting') && s.at(-1) === 'open'));
    // The server answers "unchanged" to clients that hold the current view: nothing was lost, nothing resent.
    await until(
      () =>
        heard.every((h, i) => h.slice(marks[i]).some((type) => type === 'unchanged' || type === 'snapshot')),
      'every client answered after reconnecting',
    );
    const after = await moderatorState(t.app, event);
    expect(after.round).toEqual(before.round);
    for (const [i, client] of clients.entries()) {
      const mine = after.participants.find((p: { id: string }) => p.id === people[i]!.participantId);
      const label = after.tables.find((x: { id: number }) => x.id === mine.tableId).label;
      expect(client.view).toEqual(firstViews[i]);
      expect((client.view as View).seat?.table.label).toBe(label);
      expect((client.view as View).round?.endsAt).toBe(before.round.endsAt);
      client.close();
    }
  });

  it('drops a client that does not read without delaying the others', async () => {
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rehearsal`,
      headers: auth(event.moderator),
      payload: { count: 300 },
    });
    // During a round the screen lists all 300 names: every push is a sizeable frame.
    await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.code}`,
      headers: auth(event.moderator),
      payload: { tables: { count: 60, seats: 6 } },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    // A screen gets the whole view with every change (a moderator gets small patches), so a screen
    // that stops reading is the one whose send buffer grows.
    const stalled = await TestSocket.open(url);
    stalled.send({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    await stalled.next('snapshot');
    // Stop reading: the kernel buffers fill, then the server's send buffer grows.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();

    const screen = await TestSocket.open(url);
    screen.send({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    await screen.next('snapshot');
    const state = await moderatorState(t.app, event);
    // Until the stalled socket is dropped (how soon depends on the kernel's buffers), at least 120 changes.
    for (let i = 0; i < 120 || (t.app.hub.connections > 1 && i < 1000); i++) {
      const mark = screen.messages.length;
      const presence = i % 2 === 0 ? 'break' : 'present';
      await t.app.inject({
        method: 'PATCH',
        url: `/api/events/${event.code}/participants/${state.participants[0]!.id}`,
        headers: auth(event.moderator),
        payload: { presence },
      });
      // A server that waited on the stalled socket would never push this: the wait times out.
      await screen.next('snapshot', () => true, { from: mark });
    }
    await until(() => t.app.hub.connections === 1, 'the stalled socket is dropped');
  });

  it('survives 1,000 random malformed frames with no change and no crash', async () => {
    const { token } = await join(t.app, event.code);
    // The join's re-plan is a change of its own: let it land before taking the picture.
    await t.app.planner.whenIdle();
    const before = await dump();
    const frame = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 3 }),
      fc.record({
        type: fc.constantFrom('hello', 'ping', 'resync', 'start', '__proto__'),
        role: fc.string(),
        token: fc.string(),
      }),
      fc.record({
        type: fc.constant('hello'),
        role: fc.constantFrom('participant', 'moderator', 'screen'),
        code: fc.string(),
        secret: fc.string(),
        version: fc.anything(),
      }),
      fc.uint8Array({ maxLength: 200 }),
    );
    let socket: TestSocket | null = null;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(frame, fc.boolean(), async (payload, afterHello) => {
        if (!socket || socket.closed || sent >= 15) {
          socket?.close();
          socket = await TestSocket.open(url);
          sent = 0;
          if (afterHello) {
            socket.send({ type: 'hello', role: 'participant', token });
            await socket.next('snapshot');
          }
        }
        if (payload instanceof Uint8Array) socket.ws.send(payload);
        else socket.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
        sent += 1;
      }),
      { numRuns: fuzzRuns() },
    );
    // A barrier instead of a pause: the server answers frames of one socket in order, so once the
    // ping is answered (or the server has closed the socket) every frame before it has been handled.
    const last = socket as TestSocket | null;
    if (last && !last.closed) {
      const mark = last.messages.length;
      last.send({ type: 'ping' });
      await until(
        () => last.closed !== null || last.messages.slice(mark).some((m) => m.type === 'pong'),
        'pong',
      );
      last.close();
    }
    expect(await dump()).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const probe = await TestSocket.open(url);
    probe.send({ type: 'hello', role: 'participant', token });
    await probe.next('snapshot');
    probe.close();
  });
});
