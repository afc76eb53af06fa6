import { and, count, eq, getTableColumns, type Placeholder, sql, type Table } from 'drizzle-orm';
import { isPostgres, type Tables, tablesOf } from '../db/handle.js';
import { connectionOf, type DbLike } from './db-types.js';

/** Every column of the table as a placeholder of its own name: one statement inserts any row. */
function placeholders<T extends Table>(table: T): Record<string, Placeholder> {
  return Object.fromEntries(Object.keys(getTableColumns(table)).map((key) => [key, sql.placeholder(key)]));
}

/**
 * The row with the schema's default for every column it leaves out, as the prepared insert needs a
 * value for each placeholder (the defaults stay defined once, in the schema).
 */
export function withDefaults<T extends Table>(table: T, values: T['$inferInsert']): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const given = (values as Record<string, unknown>)[key];
    row[key] = given !== undefined ? given : (column.defaultFn?.() ?? column.default ?? null);
  }
  return row;
}

/**
 * What a batch of joins needs of its event in one statement: the row, how many have joined, whether a
 * round is live; on PostgreSQL it also takes the event's row lock.
 */
function joinTarget(db: DbLike) {
  const { events, participants, rounds } = tablesOf(db);
  const eventId = sql.placeholder('eventId');
  const query = db
    .select({
      event: events,
      count: sql<number>`(select cast(count(*) as integer) from ${participants} where ${participants.eventId} = ${eventId})`,
      live: sql<
        boolean | number
      >`exists (select 1 from ${rounds} where ${rounds.eventId} = ${eventId} and ${rounds.status} = 'live')`,
    })
    .from(events)
    .where(eq(events.id, eventId));
  return (isPostgres(db) ? query.for('update', { of: events }) : query).prepare('joinTarget');
}

/**
 * Named: PostgreSQL prepares a named statement once per connection and runs it by name after that;
 * SQLite's handle ignores the name.
 */
const build = (db: DbLike, { events, instance, participants, rounds } = tablesOf(db)) => ({
  joinTarget: joinTarget(db),
  eventByCode: db
    .select()
    .from(events)
    .where(eq(events.code, sql.placeholder('code')))
    .prepare('eventByCode'),
  eventHeadByCode: db
    .select({ id: events.id, version: events.version, status: events.status, joinOpen: events.joinOpen })
    .from(events)
    .where(eq(events.code, sql.placeholder('code')))
    .prepare('eventHeadByCode'),
  eventById: db
    .select()
    .from(events)
    .where(eq(events.id, sql.placeholder('id')))
    .prepare('eventById'),
  eventVersion: db
    .select({ version: events.version })
    .from(events)
    .where(eq(events.id, sql.placeholder('id')))
    .prepare('eventVersion'),
  participantByTokenHash: db
    .select()
    .from(participants)
    .where(eq(participants.tokenHash, sql.placeholder('hash')))
    .prepare('participantByTokenHash'),
  participantByRequestKey: db
    .select({ id: participants.id })
    .from(participants)
    .where(
      and(
        eq(participants.eventId, sql.placeholder('eventId')),
        eq(participants.requestKeyHash, sql.placeholder('hash')),
      ),
    )
    .prepare('participantByRequestKey'),
  participantCount: db
    .select({ n: count() })
    .from(participants)
    .where(eq(participants.eventId, sql.placeholder('eventId')))
    .prepare('participantCount'),
  insertParticipant: db
    .insert(participants)
    .values(placeholders(participants) as unknown as Tables['participants']['$inferInsert'])
    .returning()
    .prepare('insertParticipant'),
  liveRoundEnd: db
    .select({ endsAt: rounds.endsAt })
    .from(rounds)
    .where(and(eq(rounds.eventId, sql.placeholder('eventId')), eq(rounds.status, 'live')))
    .prepare('liveRoundEnd'),
  instanceValue: db
    .select({ value: instance.value })
    .from(instance)
    .where(eq(instance.key, sql.placeholder('key')))
    .prepare('instanceValue'),
});

const cache = new WeakMap<object, ReturnType<typeof build>>();

/**
 * The lookups every request, join and hello makes, compiled once per database connection: building
 * and compiling the SQL anew each time cost more than running it (a join's insert: half a
 * millisecond of SQL building). A transaction runs on the same connection, so it uses them too.
 */
export function prepared(db: DbLike): ReturnType<typeof build> {
  const connection = connectionOf(db);
  let queries = cache.get(connection);
  if (!queries) {
    queries = build(db);
    cache.set(connection, queries);
  }
  return queries;
}
