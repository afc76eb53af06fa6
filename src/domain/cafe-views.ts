import type { ParticipantRow } from '../db/schema/index.js';
import {
  afterRoundUntil,
  type FaceCounts,
  FEEDBACK_MIN_ANSWERS,
  faceCounts,
  feedbackRound,
  feedbackSettled,
  harvestTableOf,
  latestRound,
  questionOf,
  TAKEAWAYS_PER_TABLE,
  takeawaysAt,
} from './cafe-rules.js';
import { type EventState, liveRound } from './event-state.js';

const visibleText = (state: EventState, roundId: number, tableId: number) =>
  takeawaysAt(state, roundId, tableId)
    .filter((t) => !t.hidden)
    .map((t) => t.text);

/** The phone: the live round's question, my table's harvest, and whether to ask for feedback. */
export function participantCafe(state: EventState, me: ParticipantRow) {
  return participantCafes(state)(me);
}

/**
 * The café part of every phone's view of one state: the question and each table's harvest are the
 * same for everyone at that table, so they are built once (a push to 2,000 phones).
 */
export function participantCafes(state: EventState) {
  const live = liveRound(state);
  const round = latestRound(state);
  const question = live ? questionOf(state, live.number) : null;
  const harvests = new Map<number, ReturnType<typeof harvestAt>>();
  const tables = new Map(state.tables.map((t) => [t.id, t]));
  const harvestAt = (tableId: number | null) => {
    const table = tableId === null ? undefined : tables.get(tableId);
    if (!round || !table) return null;
    return {
      round: round.number,
      table: table.label,
      /** Null while the round is live; the phone hides the form after this time (server clock). */
      openUntil: afterRoundUntil(round),
      items: visibleText(state, round.id, table.id),
      count: takeawaysAt(state, round.id, table.id).length,
      max: TAKEAWAYS_PER_TABLE,
    };
  };
  return (me: ParticipantRow) => {
    const tableId = round ? harvestTableOf(state, round, me) : null;
    let harvest = harvests.get(tableId ?? -1);
    if (harvest === undefined) {
      harvest = harvestAt(tableId);
      harvests.set(tableId ?? -1, harvest);
    }
    const rated = feedbackRound(state, me);
    return {
      question,
      harvest,
      feedback: rated
        ? {
            round: rated.number,
            openUntil: afterRoundUntil(rated)!,
            given: state.cafe.feedbackGiven.get(rated.id)?.has(me.id) ?? false,
          }
        : null,
    };
  };
}

/**
 * The harvest wall shows while asked for, but gives way to the seating once a new round starts, and
 * stays away when that round ends (the room then needs the change cue, not an old harvest). A round
 * started in the very millisecond the wall went up counts as before it: the wall was asked for last.
 */
function wallOf(state: EventState) {
  const wall = state.cafe.wall;
  if (!wall || state.rounds.some((r) => r.startedAt.getTime() > wall.shownAt.getTime())) return null;
  const rounds = state.rounds.filter((r) => wall.roundNumber === null || r.number === wall.roundNumber);
  return {
    round: wall.roundNumber,
    rounds: rounds.map((r) => ({
      number: r.number,
      question: questionOf(state, r.number),
      tables: state.tables
        .map((t) => ({ label: t.label, items: visibleText(state, r.id, t.id) }))
        .filter((t) => t.items.length > 0),
    })),
  };
}

interface FeedbackResult extends Partial<FaceCounts> {
  answers: number;
}

/** Face counts once settled and from FEEDBACK_MIN_ANSWERS answers on; before, the number of answers only. */
function shownCounts(answers: number, counts: FaceCounts, settled: boolean): FeedbackResult {
  return settled && answers >= FEEDBACK_MIN_ANSWERS ? { answers, ...counts } : { answers };
}

export function feedbackResults(state: EventState) {
  const overall: FaceCounts = { good: 0, okay: 0, poor: 0 };
  let overallAnswers = 0;
  const rounds = state.rounds.map((r) => {
    const counts = faceCounts(state, r.id);
    const answers = counts.good + counts.okay + counts.poor;
    const settled = feedbackSettled(state, r);
    if (settled) {
      overallAnswers += answers;
      for (const face of ['good', 'okay', 'poor'] as const) overall[face] += counts[face];
    }
    return { number: r.number, settled, ...shownCounts(answers, counts, settled) };
  });
  return { rounds, overall: shownCounts(overallAnswers, overall, true), minAnswers: FEEDBACK_MIN_ANSWERS };
}

/** The venue screen: the live round's question, the harvest wall when asked for, the feedback in the recap. */
export function screenCafe(state: EventState) {
  const live = liveRound(state);
  return {
    question: live ? questionOf(state, live.number) : null,
    wall: wallOf(state),
    recap:
      state.event.status === 'finished'
        ? { feedback: feedbackResults(state).overall, minAnswers: FEEDBACK_MIN_ANSWERS }
        : null,
  };
}

/** The console: every question, the whole harvest with its hidden ones, the wall, the feedback results. */
export function moderatorCafe(state: EventState) {
  return {
    questions: state.cafe.questions.map((q) => ({ round: q.roundNumber, de: q.de, en: q.en })),
    harvest: state.rounds
      .map((r) => ({
        round: r.number,
        tables: state.tables
          .map((t) => ({
            tableId: t.id,
            label: t.label,
            items: takeawaysAt(state, r.id, t.id).map((x) => ({ id: x.id, text: x.text, hidden: x.hidden })),
          }))
          .filter((t) => t.items.length > 0),
      }))
      .filter((r) => r.tables.length > 0),
    // As the screen has it: a wall shown before the live round started has given way to the seating.
    wall: wallOf(state) ? { round: state.cafe.wall!.roundNumber } : null,
    feedback: feedbackResults(state),
    maxPerTable: TAKEAWAYS_PER_TABLE,
  };
}
