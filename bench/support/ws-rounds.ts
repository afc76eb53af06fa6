import { loop, type Served } from './servers.js';
import {
  type Created,
  clock,
  connectAll,
  type FanOut,
  fanOutFigures,
  readFrames,
  receiver,
  type Timed,
  trigger,
} from './ws-phases.js';

export interface RoundRow {
  round: number;
  tw: FanOut;
  bare: FanOut;
  twLoop: number;
  bareLoop: number;
  /** ms until the start request was answered (committed) */
  startMs: number;
}

type Frame = Record<string, unknown>;
/** Joins' figures and the longest event-loop turn while they ran. */
type Watched = Timed & { loopMax: number };
const IDLE_SETTLE_MS = 5000;
const phoneRound = (m: Frame) => {
  if (m.type !== 'snapshot') return null;
  const view = m.view as { seat?: unknown; round?: { number: number } | null };
  return view.seat && view.round ? view.round.number : null;
};
const bareRound = (m: Frame) => (typeof m.round === 'number' && m.round > 0 ? m.round : null);

/**
 * Each round is started on Tischwechsel (previewed first, as the console does), then the bare server
 * sends frames of the size the phones just got: the two measures sit seconds apart under the same load.
 */
export async function runRounds(o: {
  /** Tischwechsel's replicas: phones spread over them in turn; the moderator and the screen on the first. */
  tws: Served[];
  bare: Served;
  created: Created;
  tokens: string[];
  rounds: number;
  /** After the rounds, how long to watch the event loop with every socket still connected (0: not). */
  idleMs: number;
  /** While the last round is live: people arriving late, each seated as they join (their figures), and the longest loop turn meanwhile. */
  liveJoins?: () => Promise<Timed>;
  /** After the rounds, with every socket still connected: more joins (their figures), and the longest loop turn meanwhile. */
  lateJoins?: () => Promise<Timed>;
}): Promise<{
  rows: RoundRow[];
  connectSeconds: number;
  idleLoop: { tw: number; bare: number } | null;
  liveJoins: Watched | null;
  lateJoins: Watched | null;
}> {
  const { tws, bare, created, tokens } = o;
  const tw = tws[0]!;
  const twUrl = `ws://127.0.0.1:${tw.port}/ws`;
  const urlOf = (i: number) => `ws://127.0.0.1:${tws[i % tws.length]!.port}/ws`;
  const resetLoops = () => Promise.all(tws.map((r) => loop(r.child, 'reset')));
  /** The longest event-loop turn of any replica since the reset. */
  const longestTurn = async () =>
    Math.max(...(await Promise.all(tws.map((r) => loop(r.child, 'read')))).map((l) => l.max));
  /** A phase's figures with the longest event-loop turn during it. */
  const watched = async (phase: () => Promise<Timed>): Promise<Watched> => {
    await resetLoops();
    const figures = await phase();
    return { ...figures, loopMax: await longestTurn() };
  };
  const bareUrl = `ws://127.0.0.1:${bare.port}/ws`;
  const t0 = performance.now();
  const phones = await connectAll(tokens.length, 128, (i) =>
    receiver(urlOf(i), { type: 'hello', role: 'participant', token: tokens[i] }, phoneRound),
  );
  const connectSeconds = (performance.now() - t0) / 1000;
  const extra = await Promise.all(
    (['screen', 'moderator'] as const).map((role) =>
      receiver(twUrl, { type: 'hello', role, code: created.code, secret: created[role] }, null),
    ),
  );
  const bares = await connectAll(tokens.length, 128, (i) => receiver(bareUrl, { i }, bareRound));
  const mod = { authorization: `Bearer ${created.moderator}` };
  const rows: RoundRow[] = [];
  let liveJoins: Watched | null = null;
  for (let round = 1; round <= o.rounds; round++) {
    const preview = await fetch(`${tw.base}/api/events/${created.code}/preview`, { headers: mod });
    if (preview.status !== 200) throw new Error(`preview: ${preview.status}`);
    // What came before (the pushes after joins) is read now, not while this round's frames arrive.
    readFrames(phones);
    readFrames(bares);
    await resetLoops();
    trigger();
    const res = await fetch(`${tw.base}/api/events/${created.code}/rounds`, { method: 'POST', headers: mod });
    const startMs = performance.now() - clock.triggeredAt;
    if (res.status !== 201) throw new Error(`start: ${res.status} ${await res.text()}`);
    const twFigures = await fanOutFigures(phones, round);
    const twLoop = await longestTurn();

    await loop(bare.child, 'reset');
    trigger();
    await fetch(`${bare.base}/fanout?round=${round}&bytes=${twFigures.bytes}`, { method: 'POST' });
    const bareFigures = await fanOutFigures(bares, round);
    const bareLoop = (await loop(bare.child, 'read')).max;
    rows.push({ round, tw: twFigures, bare: bareFigures, twLoop, bareLoop, startMs });
    if (round === o.rounds && o.liveJoins) liveJoins = await watched(o.liveJoins);

    await fetch(`${tw.base}/api/events/${created.code}/rounds/current/end`, { method: 'POST', headers: mod });
    await new Promise((r) => setTimeout(r, 500));
  }
  const lateJoins = o.lateJoins ? await watched(o.lateJoins) : null;
  let idleLoop = null;
  if (o.idleMs > 0) {
    // Past the last round's end (its push, the next round's preparation) before the watch begins.
    await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
    // A whole heartbeat interval: every socket is pinged once in it, whatever the servers do with it.
    await Promise.all([resetLoops(), loop(bare.child, 'reset')]);
    await new Promise((r) => setTimeout(r, o.idleMs));
    const [twIdle, bareIdle] = await Promise.all([longestTurn(), loop(bare.child, 'read')]);
    idleLoop = { tw: twIdle, bare: bareIdle.max };
  }
  for (const r of [...phones, ...extra, ...bares]) r.socket.terminate();
  return { rows, connectSeconds, idleLoop, liveJoins, lateJoins };
}
