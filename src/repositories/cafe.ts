import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { tablesOf } from '../db/handle.js';
import type { FeedbackFace } from '../db/schema/constants.js';
import { type CafeState, emptyCafe } from '../domain/cafe-rules.js';
import type { DbLike } from './db-types.js';

export async function loadCafeState(db: DbLike, eventId: string, roundIds: number[]): Promise<CafeState> {
  const { feedbackCounts, feedbackGiven, harvestWalls, roundQuestions, takeaways } = tablesOf(db);
  const cafe = emptyCafe();
  cafe.questions = await db
    .select()
    .from(roundQuestions)
    .where(eq(roundQuestions.eventId, eventId))
    .orderBy(asc(roundQuestions.roundNumber));
  const [wall] = await db.select().from(harvestWalls).where(eq(harvestWalls.eventId, eventId));
  cafe.wall = wall ?? null;
  if (roundIds.length === 0) return cafe;
  cafe.takeaways = await db
    .select()
    .from(takeaways)
    .where(eq(takeaways.eventId, eventId))
    .orderBy(asc(takeaways.id));
  cafe.feedbackCounts = await db
    .select()
    .from(feedbackCounts)
    .where(inArray(feedbackCounts.roundId, roundIds));
  for (const row of await db.select().from(feedbackGiven).where(inArray(feedbackGiven.roundId, roundIds))) {
    const given = cafe.feedbackGiven.get(row.roundId) ?? new Set<string>();
    given.add(row.participantId);
    cafe.feedbackGiven.set(row.roundId, given);
  }
  return cafe;
}

export async function upsertQuestion(
  tx: DbLike,
  values: { eventId: string; roundNumber: number; de: string | null; en: string | null },
): Promise<void> {
  const { roundQuestions } = tablesOf(tx);
  await tx
    .insert(roundQuestions)
    .values(values)
    .onConflictDoUpdate({
      target: [roundQuestions.eventId, roundQuestions.roundNumber],
      set: { de: values.de, en: values.en },
    });
}

export async function deleteQuestion(tx: DbLike, eventId: string, roundNumber: number): Promise<void> {
  const { roundQuestions } = tablesOf(tx);
  await tx
    .delete(roundQuestions)
    .where(and(eq(roundQuestions.eventId, eventId), eq(roundQuestions.roundNumber, roundNumber)));
}

export async function insertTakeaway(
  tx: DbLike,
  values: { eventId: string; roundId: number; tableId: number; text: string },
): Promise<number> {
  const { takeaways } = tablesOf(tx);
  const [row] = await tx.insert(takeaways).values(values).returning({ id: takeaways.id });
  return row!.id;
}

export async function setTakeawayHidden(tx: DbLike, id: number, hidden: boolean): Promise<void> {
  const { takeaways } = tablesOf(tx);
  await tx.update(takeaways).set({ hidden }).where(eq(takeaways.id, id));
}

export async function showWall(
  tx: DbLike,
  eventId: string,
  roundNumber: number | null,
  shownAt: Date,
): Promise<void> {
  const { harvestWalls } = tablesOf(tx);
  await tx
    .insert(harvestWalls)
    .values({ eventId, roundNumber, shownAt })
    .onConflictDoUpdate({ target: harvestWalls.eventId, set: { roundNumber, shownAt } });
}

export async function hideWall(tx: DbLike, eventId: string): Promise<void> {
  const { harvestWalls } = tablesOf(tx);
  await tx.delete(harvestWalls).where(eq(harvestWalls.eventId, eventId));
}

/** Marks the person as having answered and counts the face: two rows that share nothing but the round. */
export async function recordFeedback(
  tx: DbLike,
  roundId: number,
  participantId: string,
  face: FeedbackFace,
): Promise<void> {
  const { feedbackCounts, feedbackGiven } = tablesOf(tx);
  await tx.insert(feedbackGiven).values({ roundId, participantId });
  await tx
    .insert(feedbackCounts)
    .values({ roundId, face, count: 1 })
    .onConflictDoUpdate({
      target: [feedbackCounts.roundId, feedbackCounts.face],
      set: { count: sql`${feedbackCounts.count} + 1` },
    });
}
