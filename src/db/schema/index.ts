export * from './assignments.js';
export * from './event-tables.js';
export * from './events.js';
export * from './instance.js';
export * from './moderator-actions.js';
export * from './participants.js';
export * from './plans.js';
export * from './rounds.js';
