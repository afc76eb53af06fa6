import type { FeedbackFace } from '../db/schema/constants.js';
import type {
  FeedbackCountRow,
  HarvestWallRow,
  ParticipantRow,
  RoundQuestionRow,
  TakeawayRow,
} from '../db/schema/index.js';
import { conflict } from '../errors.js';
import { LIMITS } from '../shared/limits.js';
import type { EventState, RoundState } from './event-state.js';

export const TAKEAWAY_MAX_LENGTH = LIMITS.takeaway;
export const TAKEAWAYS_PER_TABLE = 5;
export const QUESTION_MAX_LENGTH = LIMITS.question;
/** How long after a round ends its table can still add takeaways and its people give feedback. */
export const AFTER_ROUND_MS = 10 * 60_000;
/** Fewer answers than this are shown as a count only: with one or two, the split would say who said what. */
export const FEEDBACK_MIN_ANSWERS = 3;

/** The World Café parts of an event: questions, harvest, feedback. */
export interface CafeState {
  questions: RoundQuestionRow[];
  takeaways: TakeawayRow[];
  wall: HarvestWallRow | null;
  feedbackCounts: FeedbackCountRow[];
  /** roundId → the people who answered that round (once-ness only; the answers are not here). */
  feedbackGiven: Map<number, Set<string>>;
}

export const emptyCafe = (): CafeState => ({
  questions: [],
  takeaways: [],
  wall: null,
  feedbackCounts: [],
  feedbackGiven: new Map(),
});

export function questionOf(state: EventState, roundNumber: number) {
  const row = state.cafe.questions.find((q) => q.roundNumber === roundNumber);
  return row ? { de: row.de, en: row.en } : null;
}

/** The round a table's harvest and the feedback belong to now: the live round, or the one just ended. */
export function latestRound(state: EventState): RoundState | undefined {
  return state.rounds.at(-1);
}

/** Until when the latest round still takes takeaways and feedback; null while it is live. */
export function afterRoundUntil(round: RoundState): number | null {
  return round.endedAt ? round.endedAt.getTime() + AFTER_ROUND_MS : null;
}

function isOpen(round: RoundState, now: number): boolean {
  const until = afterRoundUntil(round);
  return round.status === 'live' || (until !== null && now <= until);
}

/** The table a person harvests for in a round: where they sat, or the table they host. */
export function harvestTableOf(state: EventState, round: RoundState, person: ParticipantRow): number | null {
  const seat = round.seats.get(person.id);
  if (seat !== undefined) return seat;
  return state.tables.find((t) => t.hostParticipantId === person.id)?.id ?? null;
}

export function takeawaysAt(state: EventState, roundId: number, tableId: number): TakeawayRow[] {
  return state.cafe.takeaways.filter((t) => t.roundId === roundId && t.tableId === tableId);
}

/**
 * Where a new takeaway of this person goes, or the reason it cannot. Finishing the event closes the
 * harvest, as it closes feedback: the phones stop offering it then, and the exports stop moving.
 */
export function assertCanAddTakeaway(state: EventState, person: ParticipantRow, now: number) {
  const round = latestRound(state);
  if (state.event.status !== 'active' || !round || !isOpen(round, now)) {
    throw conflict('harvest_closed', 'Takeaways can be added during a round and shortly after it.');
  }
  const tableId = harvestTableOf(state, round, person);
  if (tableId === null) throw conflict('no_harvest_table', 'You had no table in this round.');
  if (takeawaysAt(state, round.id, tableId).length >= TAKEAWAYS_PER_TABLE) {
    throw conflict('harvest_full', `This table already has ${TAKEAWAYS_PER_TABLE} takeaways for this round.`);
  }
  return { roundId: round.id, tableId };
}

/**
 * The round a person may rate: the one just ended, if they sat in it. Finishing the event closes it,
 * so the recap's figures cannot move any more (see feedbackSettled).
 */
export function feedbackRound(state: EventState, person: ParticipantRow): RoundState | undefined {
  const round = latestRound(state);
  if (state.event.status !== 'active' || !round || round.status !== 'ended') return undefined;
  if (!round.seats.has(person.id)) return undefined;
  return round;
}

export function assertCanGiveFeedback(state: EventState, person: ParticipantRow, now: number): RoundState {
  const round = feedbackRound(state, person);
  if (!round || !isOpen(round, now)) {
    throw conflict('feedback_closed', 'Feedback is taken for a short while after a round you sat in.');
  }
  if (state.cafe.feedbackGiven.get(round.id)?.has(person.id)) {
    throw conflict('feedback_given', 'You have already given feedback for this round.');
  }
  return round;
}

export type FaceCounts = Record<FeedbackFace, number>;

export function faceCounts(state: EventState, roundId: number): FaceCounts {
  const counts: FaceCounts = { good: 0, okay: 0, poor: 0 };
  for (const row of state.cafe.feedbackCounts) if (row.roundId === roundId) counts[row.face] += row.count;
  return counts;
}

/**
 * A round's answers are shown only once nobody can add to them while the moderator watches (a
 * later round started or the event finished), so a count going up cannot be matched to the person
 * who just tapped.
 */
export function feedbackSettled(state: EventState, round: RoundState): boolean {
  return state.event.status === 'finished' || state.rounds.some((r) => r.number > round.number);
}
