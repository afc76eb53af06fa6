import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, type CreatedEvent, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let event: CreatedEvent;
let token: string;
beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app);
  token = (await join(t.app, event.code, { displayName: 'Ada' })).token;
});
afterEach(async () => t.close());

describe('responses with personal data or secrets are never cached', () => {
  it('sends Cache-Control: no-store on the create response, /api/me, state, export and the rest of the API', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: { title: 'Frühstück', tables: { count: 2, seats: 4 } },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const requests = [
      { url: '/api/me', headers: auth(token) },
      { url: '/api/me/contacts', headers: auth(token) },
      { url: `/api/events/${event.code}/state`, headers: auth(event.moderator) },
      { url: `/api/events/${event.code}/export.csv`, headers: auth(event.moderator) },
      { url: `/api/events/${event.code}/plan`, headers: auth(event.moderator) },
      { url: `/api/events/${event.code}/screen`, headers: auth(event.screen) },
      { url: `/api/events/${event.code}` },
      // A refusal tells something about the secret too.
      { url: '/api/me', headers: auth('x'.repeat(32)) },
    ];
    for (const request of requests) {
      const res = await t.app.inject({ method: 'GET', ...request });
      expect(res.headers['cache-control'], `${request.url} (${res.statusCode})`).toBe('no-store');
    }
    const renewed = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/screen-link`,
      headers: auth(event.moderator),
    });
    expect(renewed.headers['cache-control']).toBe('no-store');
  });

  it('keeps the public QR code cacheable', async () => {
    const qr = await t.app.inject({ method: 'GET', url: `/api/events/${event.code}/qr.svg` });
    expect(qr.headers['cache-control']).toBe('public, max-age=3600');
  });
});
