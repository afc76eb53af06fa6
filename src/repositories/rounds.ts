import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/handle.js';
import { isPostgres, tablesOf } from '../db/handle.js';
import type { SqliteDb } from '../db/open.js';
import type { RoundRow } from '../db/schema/index.js';
import type { Metrics } from '../matching/types.js';
import type { DbLike } from './db-types.js';
import { prepared } from './prepared.js';

/** The new round's row as a read would give it. */
export async function insertRound(
  tx: DbLike,
  values: { eventId: string; number: number; startedAt: Date; endsAt: Date; metrics: Metrics },
): Promise<RoundRow> {
  const { rounds } = tablesOf(tx);
  const [row] = await tx
    .insert(rounds)
    .values({ ...values, status: 'live' })
    .returning();
  return row!;
}

/**
 * A round's seats (participant → table), inserted in the order given. In the order a state lists
 * them (by participant id, the primary key's order after the round) the index only grows at its end:
 * a third faster at 5,000 seats than in the plan's order.
 */
export async function insertAssignments(
  tx: DbLike,
  roundId: number,
  seats: Map<string, number>,
): Promise<void> {
  const { assignments } = tablesOf(tx);
  if (seats.size === 0) return;
  // One statement with one parameter for the whole round: building a VALUES list of thousands of
  // parameters took longer than the insert itself, inside the start's transaction.
  const rows = JSON.stringify([...seats]);
  if (isPostgres(tx)) {
    await tx.execute(
      sql`insert into ${assignments} (round_id, participant_id, table_id)
          select ${roundId}, value ->> 0, (value ->> 1)::integer from jsonb_array_elements(${rows}::jsonb)`,
    );
    return;
  }
  await (tx as unknown as SqliteDb).run(
    sql`insert into ${assignments} (round_id, participant_id, table_id)
        select ${roundId}, value ->> 0, value ->> 1 from json_each(${rows})`,
  );
}

/** A seat in a round: a new one, or a move of an existing one. */
export async function upsertAssignment(
  tx: DbLike,
  values: { roundId: number; participantId: string; tableId: number },
): Promise<void> {
  const { assignments } = tablesOf(tx);
  await tx
    .insert(assignments)
    .values(values)
    .onConflictDoUpdate({
      target: [assignments.roundId, assignments.participantId],
      set: { tableId: values.tableId },
    });
}

export async function setRoundEnd(tx: DbLike, roundId: number, endsAt: Date): Promise<void> {
  const { rounds } = tablesOf(tx);
  await tx.update(rounds).set({ endsAt }).where(eq(rounds.id, roundId));
}

export async function setRoundMetrics(tx: DbLike, roundId: number, metrics: Metrics): Promise<void> {
  const { rounds } = tablesOf(tx);
  await tx.update(rounds).set({ metrics }).where(eq(rounds.id, roundId));
}

export async function liveRoundEnds(db: Db): Promise<{ eventId: string; endsAt: number }[]> {
  const { rounds } = tablesOf(db);
  const rows = await db
    .select({ eventId: rounds.eventId, endsAt: rounds.endsAt })
    .from(rounds)
    .where(eq(rounds.status, 'live'));
  return rows.map((r) => ({ eventId: r.eventId, endsAt: r.endsAt.getTime() }));
}

/** When the event's live round ends, if one is live. */
export async function liveRoundEnd(db: DbLike, eventId: string): Promise<number | undefined> {
  const [row] = await prepared(db).liveRoundEnd.execute({ eventId });
  return row?.endsAt.getTime();
}

export async function hasLiveRound(db: DbLike, eventId: string): Promise<boolean> {
  return (await liveRoundEnd(db, eventId)) !== undefined;
}
