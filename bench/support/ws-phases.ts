import { WebSocket } from 'ws';
import { percentile, runPool } from './stats.js';

const ROLES = ['verwaltung', 'wirtschaft', 'community', 'wissenschaft', 'zivilgesellschaft', 'politik'];
const INTERESTS = ['governance', 'souveraenitaet', 'beschaffung', 'foerderung', 'datenplattformen'];

export const profile = (i: number, n: number) => ({
  displayName: `Person ${i}`,
  organisation: `Org ${i % Math.ceil(n / 5)}`,
  role: ROLES[i % ROLES.length],
  stage: i % 5,
  interests: [INTERESTS[i % INTERESTS.length], INTERESTS[(i * 7 + 1) % INTERESTS.length]].filter(
    (x, k, a) => a.indexOf(x) === k,
  ),
  privacyAccepted: true,
});

export interface Created {
  code: string;
  moderator: string;
  screen: string;
}

export async function createEvent(base: string, people: number, seats: number): Promise<Created> {
  const res = await fetch(`${base}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Bench',
      tables: { count: Math.ceil(people / seats), seats },
      minutesPerRound: 10,
    }),
  });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

export interface Timed {
  perSecond: number;
  p50: number;
  p99: number;
}

const timed = (times: number[], seconds: number): Timed => {
  const sorted = times.sort((a, b) => a - b);
  return { perSecond: times.length / seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
};

/** n POSTs with `concurrency` in flight; each answer's body is handed to `keep`. */
export async function postMany(
  url: (i: number) => string,
  body: (i: number) => unknown,
  n: number,
  concurrency: number,
  keep: (i: number, answer: unknown) => void = () => {},
): Promise<Timed> {
  const times: number[] = [];
  const t0 = performance.now();
  await runPool(n, concurrency, async (i) => {
    const start = performance.now();
    const res = await fetch(url(i), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body(i)),
    });
    if (res.status >= 300) throw new Error(`POST ${url(i)}: ${res.status} ${await res.text()}`);
    const answer = await res.json();
    times.push(performance.now() - start);
    keep(i, answer);
  });
  return timed(times, (performance.now() - t0) / 1000);
}

/**
 * One socket per phone; `got` maps a round number to the ms after the trigger it arrived, `sent` to
 * the ms after the trigger the server stamped it as sent (its wall clock, ms), `bytes` to its size.
 */
export interface Receiver {
  socket: WebSocket;
  got: Map<number, number>;
  sent: Map<number, number>;
  bytes: Map<number, number>;
}

/** When the trigger went out, on this process's monotonic clock and on the wall clock servers stamp with. */
export const clock = { triggeredAt: 0, triggeredAtWall: 0 };

export function trigger(): void {
  clock.triggeredAt = performance.now();
  clock.triggeredAtWall = Date.now();
}

/** Opens a socket, sends `hello`, resolves on the first answer; `roundOf` reads a frame's round with a table. */
export function receiver(
  url: string,
  hello: object,
  roundOf: (message: Record<string, unknown>) => number | null,
): Promise<Receiver> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(url);
    const r: Receiver = { socket, got: new Map(), sent: new Map(), bytes: new Map() };
    socket.on('open', () => socket.send(JSON.stringify(hello)));
    socket.on('error', fail);
    let first = true;
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString());
      const round = roundOf(message);
      if (round !== null && !r.got.has(round)) {
        r.got.set(round, performance.now() - clock.triggeredAt);
        if (typeof message.serverTime === 'number')
          r.sent.set(round, message.serverTime - clock.triggeredAtWall);
        r.bytes.set(round, data.length);
      }
      if (first) {
        first = false;
        done(r);
      }
    });
  });
}

export async function connectAll(n: number, concurrency: number, open: (i: number) => Promise<Receiver>) {
  const all: Receiver[] = [];
  await runPool(n, concurrency, async (i) => {
    all[i] = await open(i);
  });
  return all;
}

export interface FanOut {
  p50: number;
  p99: number;
  max: number;
  /** ms from the trigger until the server sent its last phone its frame (its own stamp) */
  sentMax: number;
  missed: number;
  bytes: number;
}

/** Waits (at most 20 s) until every receiver has round `round`; the figures run from the trigger. */
export async function fanOutFigures(all: Receiver[], round: number): Promise<FanOut> {
  const deadline = performance.now() + 20_000;
  while (all.some((r) => !r.got.has(round)) && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  const got = all.flatMap((r) => (r.got.has(round) ? [r.got.get(round)!] : [])).sort((a, b) => a - b);
  const sizes = all.flatMap((r) => (r.bytes.has(round) ? [r.bytes.get(round)!] : [])).sort((a, b) => a - b);
  const sent = all.flatMap((r) => (r.sent.has(round) ? [r.sent.get(round)!] : []));
  return {
    p50: percentile(got, 0.5),
    p99: percentile(got, 0.99),
    max: got.at(-1) ?? Number.NaN,
    sentMax: sent.length > 0 ? Math.max(...sent) : Number.NaN,
    missed: all.length - got.length,
    bytes: percentile(sizes, 0.5),
  };
}
