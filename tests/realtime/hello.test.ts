import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/realtime/messages.js';
import { type CreatedEvent, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { listen, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let url: string;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  url = (await listen(t.app)).url;
  event = await createEvent(t.app);
});
afterEach(async () => t.close());

describe('hello', () => {
  it('answers each audience with a snapshot carrying version, dataId and server time', async () => {
    const { token } = await join(t.app, event.code, { displayName: 'Ada' });
    for (const hello of [
      { type: 'hello', role: 'participant', token },
      { type: 'hello', role: 'moderator', code: event.code, secret: event.moderator },
      { type: 'hello', role: 'screen', code: event.code, secret: event.screen },
    ]) {
      const socket = await TestSocket.open(url);
      socket.send(hello);
      const snapshot = await socket.next('snapshot');
      expect(snapshot).toMatchObject({
        role: hello.role,
        reset: false,
        version: expect.any(Number),
        dataId: expect.any(String),
      });
      expect(Math.abs(snapshot.serverTime - t.clock.now())).toBeLessThan(1000);
      socket.close();
    }
  });

  it('closes with 4003 on a wrong secret and with 4000 when the first message is not a hello', async () => {
    const wrong = await TestSocket.open(url);
    wrong.send({ type: 'hello', role: 'moderator', code: event.code, secret: event.screen });
    expect((await wrong.closedWith()).code).toBe(CLOSE.unauthorized);

    const unknown = await TestSocket.open(url);
    unknown.send({ type: 'hello', role: 'participant', token: 'x'.repeat(32) });
    expect((await unknown.closedWith()).code).toBe(CLOSE.unauthorized);

    const rude = await TestSocket.open(url);
    rude.send({ type: 'ping' });
    expect((await rude.closedWith()).code).toBe(CLOSE.protocol);

    const garbage = await TestSocket.open(url);
    garbage.send('not json at all');
    expect((await garbage.closedWith()).code).toBe(CLOSE.protocol);
  });

  it('closes with 4003 (final) on a hello whose token, secret or code is malformed', async () => {
    const hellos = [
      { type: 'hello', role: 'participant', token: 'short' },
      { type: 'hello', role: 'participant', token: 'x'.repeat(65) },
      { type: 'hello', role: 'participant', token: 'bad token with spaces!!' },
      { type: 'hello', role: 'participant', token: 42 },
      { type: 'hello', role: 'participant' },
      { type: 'hello', role: 'moderator', code: event.code, secret: 'nope' },
      { type: 'hello', role: 'screen', code: 'NOT-A-CODE', secret: event.screen },
      { type: 'hello', role: 'screen', secret: event.screen },
    ];
    for (const hello of hellos) {
      const socket = await TestSocket.open(url);
      socket.send(hello);
      expect((await socket.closedWith()).code, JSON.stringify(hello)).toBe(CLOSE.unauthorized);
    }
  });

  it('refuses a hello with a field the protocol does not have (4000)', async () => {
    for (const hello of [
      { type: 'hello', role: 'screen', code: event.code, secret: event.screen, since: 3 },
      { type: 'hello', role: 'projector', code: event.code, secret: event.screen },
      { type: 'hello', role: 'screen', code: event.code, secret: event.screen, version: -1 },
    ]) {
      const socket = await TestSocket.open(url);
      socket.send(hello);
      expect((await socket.closedWith()).code, JSON.stringify(hello)).toBe(CLOSE.protocol);
    }
  });

  it('closes a socket that says nothing within 5 s', async () => {
    const silent = await TestSocket.open(url);
    const closed = await silent.closedWith(7000);
    expect(closed.code).toBe(CLOSE.helloTimeout);
  });

  it('refuses frames over 4 KiB', async () => {
    const socket = await TestSocket.open(url);
    socket.send({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    await socket.next('snapshot');
    socket.send({ type: 'ping', pad: 'x'.repeat(5000) });
    expect((await socket.closedWith()).code).toBe(CLOSE.tooBig);
  });

  it('answers invalid frames after hello with an error and keeps the socket', async () => {
    const socket = await TestSocket.open(url);
    socket.send({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    await socket.next('snapshot');
    socket.send({ type: 'start-round' });
    socket.send({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    await socket.next('error', (m) => m.code === 'invalid_message');
    await socket.next('error', (m) => m.code === 'already_identified');
    socket.send({ type: 'ping' });
    await socket.next('pong');
    expect(socket.closed).toBeNull();
  });

  it('closes a flooding socket with 4008', async () => {
    const socket = await TestSocket.open(url);
    socket.send({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    await socket.next('snapshot');
    for (let i = 0; i < 60; i++) socket.send({ type: 'ping' });
    expect((await socket.closedWith()).code).toBe(CLOSE.rateLimited);
  });

  it('refuses a foreign Origin at the handshake', async () => {
    await expect(TestSocket.open(url, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const ok = await TestSocket.open(url, { origin: 'http://127.0.0.1:3999' });
    ok.close();
  });

  it('answers "unchanged" to a client that already holds the current view', async () => {
    const first = await TestSocket.open(url);
    first.send({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    const snapshot = await first.next('snapshot');
    first.close();
    const again = await TestSocket.open(url);
    again.send({
      type: 'hello',
      role: 'screen',
      code: event.code,
      secret: event.screen,
      dataId: snapshot.dataId,
      version: snapshot.version,
      etag: snapshot.etag,
    });
    const answer = await again.next('unchanged');
    expect(answer.version).toBe(snapshot.version);
    expect(again.messages.filter((m) => m.type === 'snapshot')).toHaveLength(0);

    const other = await TestSocket.open(url);
    other.send({
      type: 'hello',
      role: 'screen',
      code: event.code,
      secret: event.screen,
      dataId: 'another-life',
      version: snapshot.version,
      etag: snapshot.etag,
    });
    expect((await other.next('snapshot')).reset).toBe(true);
  });
});
