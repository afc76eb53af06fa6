/**
 * What the hop between replicas adds to a push: a transaction on replica A that tells the others of a
 * change (a round started there), from its start until replica B's Changes announce it (B's hub then
 * pushes to its own phones). Both replicas in this process, on a PostgreSQL of TEST_DATABASE_URL or a
 * throwaway cluster of the machine's.
 *
 *   npm run bench:relay [-- --count 500 --burst 2000]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { tellReplicas } from '../src/commands/unit-of-work.js';
import { PostgresStore } from '../src/db/postgres-store.js';
import { Changes } from '../src/plugins/changes.js';
import { ReplicaRelay } from '../src/realtime/replica-relay.js';
import { benchDatabase } from './support/database.js';
import { percentile } from './support/stats.js';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '500' }, burst: { type: 'string', default: '2000' } },
});
const count = Number(values.count);
const burst = Number(values.burst);
if (![count, burst].every((n) => Number.isInteger(n) && n >= 1 && n <= 100_000)) {
  console.error('usage: npm run bench:relay -- --count N --burst N (each 1..100000)');
  process.exit(2);
}

async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const { url, drop } = await benchDatabase();
  try {
    return await run(url);
  } finally {
    await drop();
  }
}

const row = (label: string, sorted: number[]) =>
  `${label.padEnd(44)} p50 ${percentile(sorted, 0.5).toFixed(2).padStart(7)} ms   p99 ${percentile(
    sorted,
    0.99,
  )
    .toFixed(2)
    .padStart(7)} ms   max ${sorted.at(-1)!.toFixed(2).padStart(7)} ms`;

await withDatabase(async (url) => {
  const made = new Map<string, number>();
  const hops: number[] = [];
  let waiting: { id: string; done: () => void } | undefined;
  const a = new Changes();
  const b = new Changes();
  b.on('changed', (eventId) => {
    const at = made.get(eventId);
    if (at !== undefined) hops.push(performance.now() - at);
    if (waiting?.id === eventId) waiting.done();
  });
  const store = await PostgresStore.open(url);
  // A's change: a transaction that tells the replicas with its commit, as every command does.
  const change = (eventId: string) =>
    store.transaction((tx) =>
      tellReplicas({ store, changes: a }, tx, { kind: 'changed', eventId, source: 'event' }),
    );
  const relay = (changes: Changes) =>
    new ReplicaRelay({ url, changes, onResync: () => {}, onError: (e) => console.error(e) });
  const ra = relay(a);
  const rb = relay(b);
  await Promise.all([ra.start(), rb.start()]);
  try {
    // Warm up the connections and the server's plan for pg_notify.
    for (let i = 0; i < 50; i++) {
      await new Promise<void>((done) => {
        waiting = { id: `warm-${i}`, done };
        void change(`warm-${i}`);
      });
    }
    hops.length = 0;
    for (let i = 0; i < count; i++) {
      const id = `one-${i}`;
      await new Promise<void>((done) => {
        waiting = { id, done };
        made.set(id, performance.now());
        void change(id);
      });
    }
    const single = [...hops].sort((x, y) => x - y);
    hops.length = 0;
    const last = `burst-${burst - 1}`;
    const started = performance.now();
    await new Promise<void>((done) => {
      waiting = { id: last, done };
      for (let i = 0; i < burst; i++) {
        made.set(`burst-${i}`, started);
        void change(`burst-${i}`);
      }
    });
    const total = performance.now() - started;
    const inBurst = [...hops].sort((x, y) => x - y);
    let local = 0;
    const probe = new Changes();
    probe.on('changed', () => local++);
    const t0 = performance.now();
    for (let i = 0; i < count; i++) probe.changed(`local-${i}`);
    const localMs = (performance.now() - t0) / count;

    console.log(
      `Relay between two replicas (NOTIFY with the commit, LISTEN), ${count} one at a time, then ${burst} at once`,
    );
    console.log(row("one change, A's transaction → B", single));
    console.log(row(`burst of ${burst}: from the burst's start to each`, inBurst));
    console.log(
      `burst of ${burst}: all arrived after ${total.toFixed(0)} ms (${Math.round(burst / (total / 1000))}/s)`,
    );
    console.log(`same replica (in-process announcement): ${(localMs * 1000).toFixed(2)} µs each (${local})`);
  } finally {
    await Promise.all([ra.stop(), rb.stop()]);
    await store.close();
  }
});
