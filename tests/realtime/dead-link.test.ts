import { createServer, type Socket, connect as tcpConnect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectRealtime } from '../../web/src/lib/realtime-client.js';
import { type CreatedEvent, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { listen } from '../helpers/ws.js';

let t: TestApp;
let port: number;
let event: CreatedEvent;
let link: Awaited<ReturnType<typeof relay>> | undefined;
beforeEach(async () => {
  t = await createTestApp();
  ({ port } = await listen(t.app));
  event = await createEvent(t.app, { tables: { count: 2, seats: 4 } });
});
afterEach(async () => {
  await link?.close();
  await t.close();
});

/**
 * A TCP relay whose links can go silent without closing: what a phone sees when the venue Wi-Fi drops
 * its packets. Links opened after a freeze work again.
 */
async function relay(target: number) {
  const links: [Socket, Socket][] = [];
  const sockets: Socket[] = [];
  const server = createServer((inbound) => {
    const outbound = tcpConnect(target, '127.0.0.1');
    inbound.pipe(outbound);
    outbound.pipe(inbound);
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
    links.push([inbound, outbound]);
    sockets.push(inbound, outbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as { port: number }).port}/ws`,
    freeze: () => {
      for (const [a, b] of links.splice(0)) {
        a.unpipe(b);
        b.unpipe(a);
        a.pause();
        b.pause();
      }
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
    links,
  };
}

const until = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('a link that goes silent', () => {
  it('is noticed within about ten seconds, the last view kept, and the client comes back by itself', async () => {
    const { token } = await join(t.app, event.code);
    link = await relay(port);
    const statuses: string[] = [];
    const client = connectRealtime({
      url: link.url,
      credentials: { type: 'hello', role: 'participant', token },
      onView: () => {},
      onStatus: (s) => statuses.push(s),
      WebSocketImpl: WebSocket as never,
      initialBackoffMs: 100,
      maxBackoffMs: 500,
    });
    await until(() => client.view !== null && statuses.at(-1) === 'open', 10_000);
    const held = client.view;

    link.freeze();
    const frozenAt = Date.now();
    // Generous for a busy machine, far below the 20–32 s an organiser saw before.
    await until(() => client.status === 'reconnecting' || statuses.includes('reconnecting'), 14_000);
    const noticedMs = Date.now() - frozenAt;
    console.log(`dead link noticed after ${noticedMs} ms`);
    expect(client.view).toBe(held);

    await until(() => client.status === 'open', 10_000);
    expect(client.view).toEqual(held);
    client.close();
  }, 40_000);
});
