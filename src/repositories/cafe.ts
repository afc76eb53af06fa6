import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FeedbackFace } from '../db/schema/constants.js';
import {
  feedbackCounts,
  feedbackGiven,
  harvestWalls,
  roundQuestions,
  takeaways,
} from '../db/schema/index.js';
import { type CafeState, emptyCafe } from '../domain/cafe-rules.js';
import type { DbLike } from './db-types.js';

export function loadCafeState(db: DbLike, eventId: string, roundIds: number[]): CafeState {
  const cafe = emptyCafe();
  cafe.questions = db
    .select()
    .from(roundQuestions)
    .where(eq(roundQuestions.eventId, eventId))
    .orderBy(asc(roundQuestions.roundNumber))
    .all();
  cafe.wall = db.select().from(harvestWalls).where(eq(harvestWalls.eventId, eventId)).get() ?? null;
  if (roundIds.length === 0) return cafe;
  cafe.takeaways = db
    .select()
    .from(takeaways)
    .where(eq(takeaways.eventId, eventId))
    .orderBy(asc(takeaways.id))
    .all();
  cafe.feedbackCounts = db
    .select()
    .from(feedbackCounts)
    .where(inArray(feedbackCounts.roundId, roundIds))
    .all();
  for (const row of db.select().from(feedbackGiven).where(inArray(feedbackGiven.roundId, roundIds)).all()) {
    const given = cafe.feedbackGiven.get(row.roundId) ?? new Set<string>();
    given.add(row.participantId);
    cafe.feedbackGiven.set(row.roundId, given);
  }
  return cafe;
}

export function upsertQuestion(
  tx: DbLike,
  values: { eventId: string; roundNumber: number; de: string | null; en: string | null },
): void {
  tx.insert(roundQuestions)
    .values(values)
    .onConflictDoUpdate({
      target: [roundQuestions.eventId, roundQuestions.roundNumber],
      set: { de: values.de, en: values.en },
    })
    .run();
}

export function deleteQuestion(tx: DbLike, eventId: string, roundNumber: number): void {
  tx.delete(roundQuestions)
    .where(and(eq(roundQuestions.eventId, eventId), eq(roundQuestions.roundNumber, roundNumber)))
    .run();
}

export function insertTakeaway(
  tx: DbLike,
  values: { eventId: string; roundId: number; tableId: number; text: string },
): number {
  return tx.insert(takeaways).values(values).returning({ id: takeaways.id }).get().id;
}

export function setTakeawayHidden(tx: DbLike, id: number, hidden: boolean): void {
  tx.update(takeaways).set({ hidden }).where(eq(takeaways.id, id)).run();
}

export function showWall(tx: DbLike, eventId: string, roundNumber: number | null, shownAt: Date): void {
  tx.insert(harvestWalls)
    .values({ eventId, roundNumber, shownAt })
    .onConflictDoUpdate({ target: harvestWalls.eventId, set: { roundNumber, shownAt } })
    .run();
}

export function hideWall(tx: DbLike, eventId: string): void {
  tx.delete(harvestWalls).where(eq(harvestWalls.eventId, eventId)).run();
}

/** Marks the person as having answered and counts the face: two rows that share nothing but the round. */
export function recordFeedback(tx: DbLike, roundId: number, participantId: string, face: FeedbackFace): void {
  tx.insert(feedbackGiven).values({ roundId, participantId }).run();
  tx.insert(feedbackCounts)
    .values({ roundId, face, count: 1 })
    .onConflictDoUpdate({
      target: [feedbackCounts.roundId, feedbackCounts.face],
      set: { count: sql`${feedbackCounts.count} + 1` },
    })
    .run();
}
