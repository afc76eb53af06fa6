import { Agent, request } from 'node:http';
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

/** One POST on a kept-alive connection of `agent`: its status and its body as text. */
function post(agent: Agent, url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** `count` requests for /healthz at once on each origin, so that `agent` holds that many connections. */
async function openConnections(agent: Agent, origins: Set<string>, count: number): Promise<void> {
  const one = (origin: string) =>
    new Promise<void>((done, fail) => {
      request(`${origin}/healthz`, { agent }, (res) => res.resume().on('end', done))
        .on('error', fail)
        .end();
    });
  await Promise.all([...origins].flatMap((origin) => Array.from({ length: count }, () => one(origin))));
}

/**
 * n POSTs with `concurrency` in flight; each answer's body is handed to `keep`. The requests go over
 * node:http with kept-alive connections, opened before the clock starts: `fetch` costs this one
 * process so much that it, not the server, set the pace (a bare server answered 750–1,950 joins a
 * second through it, 5,000–10,000 through node:http), and a burst of new connections at the start
 * left some of the first requests waiting on both servers for 150 ms and more: the client's setup,
 * not a join.
 */
export async function postMany(
  url: (i: number) => string,
  body: (i: number) => unknown,
  n: number,
  concurrency: number,
  keep: (i: number, answer: unknown) => void = () => {},
): Promise<Timed> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const origins = new Set(
      Array.from({ length: Math.min(n, concurrency) }, (_, i) => new URL(url(i)).origin),
    );
    await openConnections(agent, origins, Math.min(n, concurrency));
    const times: number[] = [];
    const t0 = performance.now();
    await runPool(n, concurrency, async (i) => {
      const start = performance.now();
      const res = await post(agent, url(i), JSON.stringify(body(i)));
      if (res.status >= 300) throw new Error(`POST ${url(i)}: ${res.status} ${res.text}`);
      const answer: unknown = JSON.parse(res.text);
      times.push(performance.now() - start);
      keep(i, answer);
    });
    return timed(times, (performance.now() - t0) / 1000);
  } finally {
    agent.destroy();
  }
}

/**
 * One socket per phone; `got` maps a round number to the ms after the trigger it arrived, `sent` to
 * the ms after the trigger the server stamped it as sent (its wall clock, ms), `bytes` to its size.
 * Frames wait in `inbox` with the time they arrived until `readFrames` parses them (see there).
 */
export interface Receiver {
  socket: WebSocket;
  got: Map<number, number>;
  sent: Map<number, number>;
  bytes: Map<number, number>;
  inbox: Arrived[];
  /** null: the frames are not kept (the screen's and moderator's are not measured) */
  roundOf: RoundOf | null;
}

/** Reads a frame's round with a table, or null. */
type RoundOf = (message: Record<string, unknown>) => number | null;

interface Arrived {
  /** ms after the trigger, and the trigger's wall clock, both as they were when it arrived */
  sinceTrigger: number;
  triggerWall: number;
  data: Buffer;
}

/** When the trigger went out, on this process's monotonic clock and on the wall clock servers stamp with. */
export const clock = { triggeredAt: 0, triggeredAtWall: 0 };

export function trigger(): void {
  clock.triggeredAt = performance.now();
  clock.triggeredAtWall = Date.now();
}

/**
 * Opens a socket, sends `hello`, resolves on the first answer; `roundOf` reads a frame's round with a
 * table (null: its frames are not kept, as the screen's and moderator's are not measured).
 */
export function receiver(url: string, hello: object, roundOf: RoundOf | null): Promise<Receiver> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(url);
    const r: Receiver = {
      socket,
      got: new Map(),
      sent: new Map(),
      bytes: new Map(),
      inbox: [],
      roundOf,
    };
    socket.on('open', () => socket.send(JSON.stringify(hello)));
    socket.on('error', fail);
    let first = true;
    socket.on('message', (data: Buffer) => {
      if (roundOf) {
        const sinceTrigger = performance.now() - clock.triggeredAt;
        r.inbox.push({ sinceTrigger, triggerWall: clock.triggeredAtWall, data });
      }
      if (first) {
        first = false;
        done(r);
      }
    });
  });
}

/**
 * Parses the frames that wait in the receivers' inboxes. Apart from their arrival because this one
 * process plays every phone: parsing each frame as it arrives would add the reading of every phone
 * before it (JSON.parse of 2,000 views, 40–50 ms here, against 5–7 ms for the bare server's flat
 * frames) to the later phones' times, where real phones each read their own at once.
 */
export function readFrames(all: Receiver[]): void {
  for (const r of all) {
    for (const { sinceTrigger, triggerWall, data } of r.inbox) {
      const message = JSON.parse(data.toString());
      const round = r.roundOf?.(message) ?? null;
      if (round === null || r.got.has(round)) continue;
      r.got.set(round, sinceTrigger);
      if (typeof message.serverTime === 'number') r.sent.set(round, message.serverTime - triggerWall);
      r.bytes.set(round, data.length);
    }
    r.inbox.length = 0;
  }
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

/**
 * Waits (at most 20 s) until every receiver has round `round`; the figures run from the trigger. The
 * frames are read once every receiver has one (or has the round already), so none is read while the
 * others still arrive.
 */
export async function fanOutFigures(all: Receiver[], round: number): Promise<FanOut> {
  const deadline = performance.now() + 20_000;
  const has = (r: Receiver) => r.got.has(round);
  while (performance.now() < deadline) {
    if (all.every((r) => has(r) || r.inbox.length > 0)) {
      readFrames(all);
      if (all.every(has)) break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  // A phone that never got its frame must not leave the others' frames unread (and counted missed).
  readFrames(all);
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
