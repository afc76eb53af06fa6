import type { EventRow } from '../db/schema/index.js';
import { conflict } from '../errors.js';

import { LIMITS } from '../shared/limits.js';

/** Enough for the largest venues we plan for; it bounds what one join link can fill. */
export const MAX_PARTICIPANTS = LIMITS.participants;

/** Whether someone may join now: the event runs, joining is open, and there is room. */
export function assertCanJoin(event: EventRow, participantCount: number, joining = 1): void {
  if (event.status === 'finished') throw conflict('event_finished', 'The event has finished.');
  if (!event.joinOpen) throw conflict('join_closed', 'Joining is paused for this event.');
  assertRoomFor(participantCount, joining);
}

export function assertRoomFor(participantCount: number, joining: number): void {
  if (participantCount + joining > MAX_PARTICIPANTS) {
    throw conflict('event_full', `This event can hold at most ${MAX_PARTICIPANTS} people.`);
  }
}
