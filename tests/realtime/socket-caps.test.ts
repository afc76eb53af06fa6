import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/realtime/messages.js';
import { SOCKETS_PER_SECRET } from '../../src/realtime/socket-caps.js';
import { createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { listen, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let sockets: TestSocket[] = [];
afterEach(async () => {
  for (const s of sockets) s.close();
  sockets = [];
  await t.close();
});

async function open(url: string) {
  const socket = await TestSocket.open(url);
  sockets.push(socket);
  return socket;
}

/** Says hello and waits for the answer: a snapshot, or the close. */
async function greet(socket: TestSocket, hello: unknown) {
  socket.send(hello);
  for (;;) {
    if (socket.messages.some((m) => m.type === 'snapshot')) return 'snapshot';
    if (socket.closed) return socket.closed.code;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('socket caps', () => {
  it.each([
    ['screen', SOCKETS_PER_SECRET.screen],
    ['moderator', SOCKETS_PER_SECRET.moderator],
  ] as const)('lets one %s secret hold %i sockets and refuses the next with 1008', async (role, cap) => {
    t = await createTestApp();
    const { url } = await listen(t.app);
    const event = await createEvent(t.app);
    const hello = {
      type: 'hello',
      role,
      code: event.code,
      secret: role === 'screen' ? event.screen : event.moderator,
    };
    const answers = [];
    for (let i = 0; i < cap + 5; i++) answers.push(await greet(await open(url), hello));
    expect(answers.filter((a) => a === 'snapshot')).toHaveLength(cap);
    expect(answers.slice(cap)).toEqual(Array(5).fill(CLOSE.policy));
    // A closed socket frees its place.
    const first = sockets[0]!;
    first.close();
    await first.closedWith();
    let again: unknown = CLOSE.policy;
    for (let tries = 0; again === CLOSE.policy && tries < 50; tries++)
      again = await greet(await open(url), hello);
    expect(again).toBe('snapshot');
  });

  it('caps the sockets of one participant token', async () => {
    t = await createTestApp();
    const { url } = await listen(t.app);
    const event = await createEvent(t.app);
    const { token } = await join(t.app, event.code);
    const answers = [];
    for (let i = 0; i < SOCKETS_PER_SECRET.participant + 1; i++) {
      answers.push(await greet(await open(url), { type: 'hello', role: 'participant', token }));
    }
    expect(answers.at(-1)).toBe(CLOSE.policy);
    expect(answers.slice(0, -1).every((a) => a === 'snapshot')).toBe(true);
  });

  it('refuses the upgrade past SOCKETS_PER_ADDRESS sockets from one address (429), before any hello', async () => {
    t = await createTestApp({ SOCKETS_PER_ADDRESS: '8' });
    const { url } = await listen(t.app);
    for (let i = 0; i < 8; i++) await open(url);
    await expect(TestSocket.open(url)).rejects.toThrow(/429/);
    sockets[0]!.close();
    await sockets[0]!.closedWith();
    // The count follows closes.
    let reopened: TestSocket | null = null;
    for (let tries = 0; !reopened && tries < 50; tries++) {
      reopened = await TestSocket.open(url).catch(() => null);
    }
    expect(reopened).not.toBeNull();
    sockets.push(reopened!);
  });
});
