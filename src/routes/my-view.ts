import type { FastifyInstance } from 'fastify';
import type { ParticipantRow } from '../db/schema/index.js';
import { participantView } from '../domain/views.js';
import { committedState } from '../repositories/event-state.js';

/**
 * What a phone's own requests answer: its view now, so the phone shows a change even while its
 * socket reconnects. The token names a participant of a stored event, so the view exists.
 */
export async function myView(app: FastifyInstance, me: ParticipantRow) {
  return { ...participantView((await committedState(app.db, me.eventId))!, me.id)!, serverTime: app.now() };
}
