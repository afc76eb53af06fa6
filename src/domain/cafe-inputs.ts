import { z } from 'zod';
import { FEEDBACK_FACES } from '../db/schema/constants.js';
import { QUESTION_MAX_LENGTH, TAKEAWAY_MAX_LENGTH } from './cafe-rules.js';
import { normaliseText } from './text.js';

const length = (v: string) => Array.from(v).length;

/** Cleaned like every typed text; too long is refused rather than cut, so nobody's sentence loses its end. */
const boundedText = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((v) => normaliseText(v, max + 1))
    .pipe(z.string().refine((v) => length(v) <= max, `must be at most ${max} characters`));

const questionText = boundedText(QUESTION_MAX_LENGTH)
  .nullish()
  .transform((v) => (v ? v : null));

/** A round's question in the event's languages; both empty removes it. */
export const questionInput = z.object({ de: questionText, en: questionText }).strict();
export type QuestionInput = z.infer<typeof questionInput>;

export const takeawayInput = z
  .object({ text: boundedText(TAKEAWAY_MAX_LENGTH).pipe(z.string().min(1, 'must not be empty')) })
  .strict();

export const takeawayVisibilityInput = z.object({ hidden: z.boolean() }).strict();

/** Extra rounds can follow the planned ones, so this is looser than LIMITS.plannedRounds. */
const ROUNDS_MAX = 50;
const roundNumber = z.number().int().min(1).max(ROUNDS_MAX);
export const roundParam = z.coerce.number().int().min(1).max(ROUNDS_MAX);

/** Which round the venue screen's harvest wall shows; null for all rounds. */
export const harvestWallInput = z.object({ round: roundNumber.nullable() }).strict();

export const feedbackInput = z.object({ face: z.enum(FEEDBACK_FACES) }).strict();
