import type { App } from '../../src/app.js';
import { row } from './rows.js';

export const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });

export interface CreatedEvent {
  code: string;
  moderator: string;
  screen: string;
  links: { join: string; moderator: string; screen: string };
}

export async function createEvent(app: App, payload: Record<string, unknown> = {}): Promise<CreatedEvent> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/events',
    payload: { title: 'Netzwerkfrühstück', tables: { count: 4, seats: 4 }, ...payload },
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

let counter = 0;

export function profile(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    displayName: `Person ${counter}`,
    organisation: `Org ${counter}`,
    role: 'verwaltung',
    stage: counter % 5,
    interests: ['governance'],
    privacyAccepted: true,
    ...overrides,
  };
}

export async function join(app: App, code: string, overrides: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/events/${code}/participants`,
    payload: profile(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`join failed: ${res.statusCode} ${res.body}`);
  return res.json() as { participantId: string; token: string };
}

/** A participant changes their own profile or presence (PATCH /api/me). */
export function updateMe(app: App, token: string, payload: Record<string, unknown>) {
  return app.inject({ method: 'PATCH', url: '/api/me', headers: auth(token), payload });
}

/** The event's internal id, for tests that read its state from the database. */
export async function eventIdOf(app: App, code: string): Promise<string> {
  return (await row<{ id: string }>(app, 'select id from events where code = ?', code))!.id;
}

export async function moderatorState(app: App, event: CreatedEvent) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/events/${event.code}/state`,
    headers: auth(event.moderator),
  });
  if (res.statusCode !== 200) throw new Error(`state failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
