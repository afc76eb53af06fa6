import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp, testClock } from '../helpers/app.js';
import { closesAfterTest, freshDatabase, postgresUrl, testPool } from '../helpers/postgres.js';
import { until } from '../helpers/until.js';
import { listen, TestSocket } from '../helpers/ws.js';

/** A replica of the service on the test's PostgreSQL database, closed when the test finishes. */
async function replica(url: string, clock = testClock()): Promise<TestApp> {
  return closesAfterTest(await createTestApp({ DATABASE_URL: url }, clock), (t) => t.close());
}

const moderate = (app: App, event: CreatedEvent, method: 'GET' | 'POST', path: string) =>
  app.inject({ method, url: `/api/events/${event.code}${path}`, headers: auth(event.moderator) });

type Person = { id: string; tableId: number | null };

/** Every pair of people who share a table in the moderator state's live round. */
function pairsAtTables(state: { participants: Person[] }): string[] {
  const byTable = new Map<number, string[]>();
  for (const p of state.participants)
    if (p.tableId !== null) byTable.set(p.tableId, [...(byTable.get(p.tableId) ?? []), p.id]);
  return [...byTable.values()].flatMap((ids) =>
    ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b].sort().join('+'))),
  );
}

async function count(pool: pg.Pool, sql: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(sql);
  return Number(rows[0]!.n);
}

/** Two replicas on one fresh database, six people, and the first one's phone on replica A. */
async function phoneOnOneReplica() {
  const url = await freshDatabase();
  const [a, b] = [await replica(url), await replica(url)];
  const event = await createEvent(a.app, { tables: { count: 2, seats: 4 } });
  const people: { participantId: string; token: string }[] = [];
  for (let i = 0; i < 6; i++) people.push(await join(a.app, event.code));
  const urlA = (await listen(a.app)).url;
  const phone = closesAfterTest(await TestSocket.open(urlA), async (s) => s.close());
  phone.send({ type: 'hello', role: 'participant', token: people[0]!.token });
  await phone.next('snapshot');
  return { url, a, b, urlA, event, phone, me: people[0]!.participantId, token: people[0]!.token };
}

/** The phone is shown its seat with the mates `app` committed, at the version it committed. */
async function seatedAsCommitted(phone: TestSocket, app: App, event: CreatedEvent, me: string) {
  const seated = await phone.next('snapshot', (m) => (m.view as { seat: unknown }).seat !== null);
  const committed = await moderatorState(app, event);
  const myTable = committed.participants.find((p: Person) => p.id === me).tableId;
  const mates = committed.participants.filter((p: Person) => p.tableId === myTable && p.id !== me);
  const view = seated.view as unknown as { seat: { mates: { id: string }[] } };
  expect(view.seat.mates.map((m) => m.id).sort()).toEqual(mates.map((p: Person) => p.id).sort());
  expect(seated.version).toBe(committed.event.version);
}

describe.skipIf(!postgresUrl)('the service on PostgreSQL', () => {
  it('runs an event: joins, two rounds without a repeat, an erasure, a restart', async () => {
    const url = await freshDatabase();
    const t = await replica(url);
    // Sixteen people at four tables of four: the second round can seat everyone with strangers.
    const event = await createEvent(t.app, { tables: { count: 4, seats: 4 }, plannedRounds: 2 });
    const people: { participantId: string; token: string }[] = [];
    for (let i = 0; i < 16; i++) people.push(await join(t.app, event.code));

    expect((await moderate(t.app, event, 'POST', '/rounds')).statusCode).toBe(201);
    const first = await moderatorState(t.app, event);
    expect(first.participants.filter((p: Person) => p.tableId !== null)).toHaveLength(16);
    expect((await moderate(t.app, event, 'POST', '/rounds/current/end')).statusCode).toBe(200);
    expect((await moderate(t.app, event, 'POST', '/rounds')).statusCode).toBe(201);
    const second = await moderatorState(t.app, event);
    const met = new Set(pairsAtTables(first));
    expect(pairsAtTables(second).filter((pair) => met.has(pair))).toEqual([]);

    const gone = people[0]!;
    const erased = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: auth(gone.token) });
    expect(erased.statusCode).toBe(204);
    const pool = testPool(url);
    expect(
      await count(pool, `select count(*) as n from participants where id = '${gone.participantId}'`),
    ).toBe(0);
    // The erasure's dead tuples were vacuumed before it answered.
    const { rows } = await pool.query<{ vacuumed: Date | null }>(
      `select last_vacuum as vacuumed from pg_stat_user_tables where relname = 'participants'`,
    );
    expect(rows[0]?.vacuumed).not.toBeNull();

    const before = await moderatorState(t.app, event);
    await t.restart();
    const after = await moderatorState(t.app, event);
    expect(after.participants).toEqual(before.participants);
    expect(after.round).toEqual(before.round);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('starts exactly one round when two replicas are asked at the same instant', async () => {
    const url = await freshDatabase();
    const [a, b] = [await replica(url), await replica(url)];
    const event = await createEvent(a.app, { tables: { count: 3, seats: 4 } });
    for (let i = 0; i < 10; i++) await join(i % 2 ? a.app : b.app, event.code);
    const pool = testPool(url);
    for (let round = 1; round <= 4; round++) {
      const answers = await Promise.all([
        moderate(a.app, event, 'POST', '/rounds'),
        moderate(b.app, event, 'POST', '/rounds'),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('round_live');
      expect(await count(pool, 'select count(*) as n from rounds')).toBe(round);
      expect(await count(pool, `select count(*) as n from rounds where status = 'live'`)).toBe(1);
      // Everyone is seated once in the round that started, whichever replica started it.
      expect(
        await count(
          pool,
          `select count(*) as n from assignments join rounds on rounds.id = round_id
                           where rounds.number = ${round}`,
        ),
      ).toBe(10);
      const ends = await Promise.all([
        moderate(a.app, event, 'POST', '/rounds/current/end'),
        moderate(b.app, event, 'POST', '/rounds/current/end'),
      ]);
      expect(ends.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    }
  });

  it('pushes a round started on one replica to a phone connected to the other', async () => {
    const { b, event, phone, me } = await phoneOnOneReplica();

    expect((await moderate(b.app, event, 'POST', '/rounds')).statusCode).toBe(201);
    await seatedAsCommitted(phone, b.app, event, me);
  });

  it('comes back after every connection to the database was cut: a round on one replica reaches a phone on the other', async () => {
    const { url, a, b, event, phone, me } = await phoneOnOneReplica();

    // What a database failover does to the replicas: every connection ends, the relay's listener too.
    const admin = testPool(url);
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()`,
    );
    const ready = async (app: App) =>
      (await app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200;
    await until(async () => (await ready(a.app)) && (await ready(b.app)), 'both replicas ready again');
    await until(() => a.app.relay?.listening === true && b.app.relay?.listening === true, 'relays listening');

    expect((await moderate(b.app, event, 'POST', '/rounds')).statusCode).toBe(201);
    await seatedAsCommitted(phone, b.app, event, me);
  });

  it('names one version with one view on every replica: moving replica with its etag, a client hears "unchanged"', async () => {
    const { a, b, urlA, event, token } = await phoneOnOneReplica();
    // A's views come from the state its start kept; B's from a fresh read of the rows.
    expect((await moderate(a.app, event, 'POST', '/rounds')).statusCode).toBe(201);
    const { version } = (await moderatorState(a.app, event)).event;
    const urlB = (await listen(b.app)).url;
    const hellos = [
      { type: 'hello', role: 'participant', token },
      { type: 'hello', role: 'moderator', code: event.code, secret: event.moderator },
      { type: 'hello', role: 'screen', code: event.code, secret: event.screen },
    ];
    for (const hello of hellos) {
      const onA = closesAfterTest(await TestSocket.open(urlA), async (s) => s.close());
      onA.send(hello);
      const held = await onA.next('snapshot', (m) => m.version === version);
      const onB = closesAfterTest(await TestSocket.open(urlB), async (s) => s.close());
      onB.send({ ...hello, dataId: held.dataId, version: held.version, etag: held.etag });
      const answer = await until(() => onB.messages.length > 0, 'an answer on B').then(
        () => onB.messages[0]!,
      );
      expect({ role: hello.role, type: answer.type }).toEqual({ role: hello.role, type: 'unchanged' });
    }
  });
});
