import type { FeedbackFace } from '../db/schema/constants.js';
import type { QuestionInput } from '../domain/cafe-inputs.js';
import { assertCanAddTakeaway, assertCanGiveFeedback } from '../domain/cafe-rules.js';
import { conflict, notFound } from '../errors.js';
import {
  deleteQuestion,
  hideWall,
  insertTakeaway,
  recordFeedback,
  setTakeawayHidden,
  showWall,
  upsertQuestion,
} from '../repositories/cafe.js';
import { type CommandContext, commit } from './unit-of-work.js';

export async function setRoundQuestion(
  ctx: CommandContext,
  eventId: string,
  roundNumber: number,
  input: QuestionInput,
): Promise<void> {
  await commit(ctx, eventId, 'set_question', async (tx) => {
    if (input.de === null && input.en === null) await deleteQuestion(tx, eventId, roundNumber);
    else await upsertQuestion(tx, { eventId, roundNumber, de: input.de, en: input.en });
    return { result: undefined, details: { round: roundNumber } };
  });
}

/**
 * Adds one takeaway to the harvest of the person's table. Nothing of the person is stored or
 * logged with it (no details: the moderator's log stays out of it too).
 */
export async function addTakeaway(
  ctx: CommandContext,
  eventId: string,
  participantId: string,
  text: string,
): Promise<number> {
  return commit(ctx, eventId, 'add_takeaway', async (tx, state) => {
    const person = state.participants.find((p) => p.id === participantId);
    if (!person) throw conflict('unknown_participant', 'No such participant in this event.');
    const { roundId, tableId } = assertCanAddTakeaway(state, person, ctx.now());
    return { result: await insertTakeaway(tx, { eventId, roundId, tableId, text }) };
  });
}

export async function setTakeawayVisibility(
  ctx: CommandContext,
  eventId: string,
  takeawayId: number,
  hidden: boolean,
): Promise<void> {
  await commit(ctx, eventId, 'hide_takeaway', async (tx, state) => {
    const takeaway = state.cafe.takeaways.find((t) => t.id === takeawayId);
    if (!takeaway) throw notFound('Takeaway');
    if (takeaway.hidden === hidden) return { result: undefined, unchanged: true };
    await setTakeawayHidden(tx, takeawayId, hidden);
    return { result: undefined, details: { takeawayId, hidden } };
  });
}

export async function setHarvestWall(
  ctx: CommandContext,
  eventId: string,
  roundNumber: number | null,
): Promise<void> {
  await commit(ctx, eventId, 'harvest_wall', async (tx, state) => {
    if (roundNumber !== null && !state.rounds.some((r) => r.number === roundNumber)) {
      throw conflict('unknown_round', 'That round has not been played.');
    }
    await showWall(tx, eventId, roundNumber, new Date(ctx.now()));
    return { result: undefined, details: { round: roundNumber } };
  });
}

export async function hideHarvestWall(ctx: CommandContext, eventId: string): Promise<void> {
  await commit(ctx, eventId, 'harvest_wall_off', async (tx, state) => {
    if (!state.cafe.wall) return { result: undefined, unchanged: true };
    await hideWall(tx, eventId);
    return { result: undefined, details: {} };
  });
}

/** Counts one face for the round just ended; once per person, and the answer is kept apart from who gave it. */
export async function giveFeedback(
  ctx: CommandContext,
  eventId: string,
  participantId: string,
  face: FeedbackFace,
): Promise<void> {
  await commit(ctx, eventId, 'feedback', async (tx, state) => {
    const person = state.participants.find((p) => p.id === participantId);
    if (!person) throw conflict('unknown_participant', 'No such participant in this event.');
    const round = assertCanGiveFeedback(state, person, ctx.now());
    await recordFeedback(tx, round.id, person.id, face);
    return { result: undefined };
  });
}
