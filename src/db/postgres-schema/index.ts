/**
 * The same tables as ../schema, in PostgreSQL's types: booleans, jsonb, timestamps with time zone.
 * The comments on what each column means live with the SQLite definitions; a test keeps the two equal
 * (columns, keys, indexes, defaults and the row types).
 */
export * from './assignments.js';
export * from './event-tables.js';
export * from './events.js';
export * from './feedback-counts.js';
export * from './feedback-given.js';
export * from './harvest-walls.js';
export * from './instance.js';
export * from './known-pairs.js';
export * from './moderator-actions.js';
export * from './participants.js';
export * from './plans.js';
export * from './registrations.js';
export * from './round-questions.js';
export * from './rounds.js';
export * from './takeaways.js';
