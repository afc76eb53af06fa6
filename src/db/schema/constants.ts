export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const EVENT_STATUSES = ['active', 'finished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** `absent` is the moderator's mark; `break` and `left` are the participant's own choice. */
export const PRESENCES = ['present', 'break', 'absent', 'left'] as const;
export type Presence = (typeof PRESENCES)[number];

/** What a table offers, and so what a participant may ask for: the reason is never asked. */
export const TABLE_FEATURES = ['step_free', 'quiet'] as const;
export type TableFeature = (typeof TABLE_FEATURES)[number];

export const ROUND_STATUSES = ['live', 'ended'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** The three faces of the one-tap feedback after a round. */
export const FEEDBACK_FACES = ['good', 'okay', 'poor'] as const;
export type FeedbackFace = (typeof FEEDBACK_FACES)[number];
