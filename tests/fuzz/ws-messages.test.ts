import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/realtime/messages.js';
import { type CreatedEvent, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { dumpDatabase } from '../helpers/rows.js';
import { listen, TestSocket } from '../helpers/ws.js';
import { fuzzRuns } from './runs.js';

const RUNS = fuzzRuns();
const ALLOWED_CLOSES: number[] = [
  CLOSE.protocol,
  CLOSE.unauthorized,
  CLOSE.gone,
  CLOSE.tooBig,
  CLOSE.rateLimited,
];

let t: TestApp;
let url: string;
let event: CreatedEvent;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  url = (await listen(t.app)).url;
  event = await createEvent(t.app);
  token = (await join(t.app, event.code)).token;
  await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds`,
    headers: { authorization: `Bearer ${event.moderator}` },
  });
});
afterAll(async () => t.close());

/** A valid value, or something near it: wrong types, wrong lengths, odd characters, extra keys. */
const near = <T>(valid: T) =>
  fc.oneof(
    fc.constant(valid),
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.constant({ toString: 'x' }),
  );

const extras = fc.dictionary(
  fc.constantFrom('__proto__', 'constructor', 'admin', 'eventId', 'role', 'x'),
  fc.jsonValue(),
  {
    maxKeys: 2,
  },
);

const resume = fc.record({ dataId: near('abc'), version: near(1), etag: near('e') }, { requiredKeys: [] });

const messageTypes = {
  'hello participant': () =>
    fc.tuple(
      fc.record({ type: near('hello'), role: near('participant'), token: near(token) }),
      resume,
      extras,
    ),
  'hello moderator': () =>
    fc.tuple(
      fc.record({
        type: near('hello'),
        role: near('moderator'),
        code: near(event.code),
        secret: near(event.moderator),
      }),
      resume,
      extras,
    ),
  'hello screen': () =>
    fc.tuple(
      fc.record({
        type: near('hello'),
        role: near('screen'),
        code: near(event.code),
        secret: near(event.screen),
      }),
      resume,
      extras,
    ),
  ping: () => fc.tuple(fc.record({ type: near('ping') }), resume, extras),
  resync: () => fc.tuple(fc.record({ type: near('resync') }), resume, extras),
};

/**
 * What the server said in answer to the client, without the heartbeats it sends every 25 s on its own
 * (on a busy machine a run of variants lasts that long, and a heartbeat is no answer).
 */
const answers = (socket: TestSocket) => socket.messages.filter((m) => m.type !== 'heartbeat');

/** Every variant gets an answer or a close; the deadline only keeps a missing one from hanging the run. */
async function settle(socket: TestSocket, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!socket.closed && answers(socket).length < count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('WebSocket message fuzzing', () => {
  for (const [name, arbitrary] of Object.entries(messageTypes)) {
    it(`${name}: ${RUNS} variants answer with a snapshot, an error or a defined close, and change nothing`, async () => {
      const before = await dumpDatabase(t.app);
      const hello = name.startsWith('hello');
      let socket: TestSocket | null = null;
      await fc.assert(
        fc.asyncProperty(arbitrary(), async ([base, extra, more]) => {
          const message = JSON.stringify({ ...base, ...extra, ...more });
          if (hello || !socket || socket.closed) {
            socket?.close();
            socket = await TestSocket.open(url);
            if (!hello) {
              socket.send({ type: 'hello', role: 'participant', token });
              await socket.next('snapshot');
            }
          }
          const seen = answers(socket).length;
          socket.send(message);
          if (hello) {
            await settle(socket, seen + 1);
            if (socket.closed) expect(ALLOWED_CLOSES).toContain(socket.closed.code);
            else expect(['snapshot', 'unchanged']).toContain(answers(socket).at(-1)?.type);
          } else {
            await settle(socket, seen + 1);
            if (socket.closed) expect(ALLOWED_CLOSES).toContain(socket.closed.code);
            else expect(['pong', 'snapshot', 'error']).toContain(answers(socket).at(-1)?.type);
          }
        }),
        { numRuns: RUNS },
      );
      (socket as TestSocket | null)?.close();
      expect(await dumpDatabase(t.app)).toEqual(before);
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });
  }
});
