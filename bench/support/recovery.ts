import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { connectRealtime, type RealtimeClient } from '../../web/src/lib/realtime-client.js';
import { startTischwechsel, stop } from './servers.js';
import { percentile } from './stats.js';
import { createEvent, postMany, profile } from './ws-phases.js';

type PhoneView = { seat: { table: { label: string } } | null };

export interface Recovery {
  phones: number;
  restartMs: number;
  p50: number;
  p99: number;
  max: number;
  unchanged: number;
  wrongOrMissing: number;
}

/**
 * Phones on the shared web client with its real reconnect schedule, in a live round; the server is
 * killed with SIGKILL and started again at once. A phone is back when its first answer after the kill
 * came and it shows the table it had; every figure runs from the kill.
 */
export async function recovery(phones: number, port: number): Promise<Recovery> {
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-bench-recovery-'));
  let server = await startTischwechsel(dir, port);
  const clients: RealtimeClient[] = [];
  try {
    const created = await createEvent(server.base, phones, 6);
    const tokens: string[] = [];
    await postMany(
      () => `${server.base}/api/events/${created.code}/participants`,
      (i) => profile(i, phones),
      phones,
      16,
      (i, answer) => {
        tokens[i] = (answer as { token: string }).token;
      },
    );
    const start = await fetch(`${server.base}/api/events/${created.code}/rounds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.moderator}` },
    });
    if (start.status !== 201) throw new Error(`start: ${start.status}`);
    let killedAt = Number.POSITIVE_INFINITY;
    const back: (number | undefined)[] = tokens.map(() => undefined);
    const answers: string[] = tokens.map(() => '');
    for (const [i, token] of tokens.entries()) {
      const Recording = class extends WebSocket {
        constructor(url: string) {
          super(url);
          this.on('message', (data: Buffer) => {
            const type = (JSON.parse(data.toString()) as { type: string }).type;
            if (performance.now() < killedAt || back[i] !== undefined) return;
            if (type !== 'snapshot' && type !== 'unchanged') return;
            back[i] = performance.now() - killedAt;
            answers[i] = type;
          });
        }
      };
      clients.push(
        connectRealtime({
          url: `ws://127.0.0.1:${port}/ws`,
          credentials: { type: 'hello', role: 'participant', token },
          onView: () => {},
          WebSocketImpl: Recording as never,
        }),
      );
    }
    const until = async (ok: () => boolean, ms: number) => {
      const deadline = performance.now() + ms;
      while (!ok() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => clients.every((c) => (c.view as PhoneView | null)?.seat), 30_000);
    const before = clients.map((c) => (c.view as PhoneView | null)?.seat?.table.label);

    killedAt = performance.now();
    await stop(server.child, 'SIGKILL');
    server = await startTischwechsel(dir, port);
    const restartMs = performance.now() - killedAt;
    await until(() => back.every((t) => t !== undefined), 60_000);

    const times = back.flatMap((t) => (t === undefined ? [] : [t])).sort((a, b) => a - b);
    const right = clients.filter(
      (c, i) => back[i] !== undefined && (c.view as PhoneView | null)?.seat?.table.label === before[i],
    ).length;
    return {
      phones,
      restartMs,
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      max: times.at(-1) ?? Number.NaN,
      unchanged: answers.filter((a) => a === 'unchanged').length,
      wrongOrMissing: phones - right,
    };
  } finally {
    for (const c of clients) c.close();
    await stop(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}
