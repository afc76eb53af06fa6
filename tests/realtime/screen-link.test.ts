import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE, type ServerMessage } from '../../src/realtime/messages.js';
import { auth, type CreatedEvent, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { listen, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let url: string;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  url = (await listen(t.app)).url;
  event = await createEvent(t.app);
});
afterEach(async () => t.close());

const joinedCount = (m: ServerMessage) =>
  m.type === 'snapshot' && m.role === 'screen' ? m.view.joinedCount : undefined;

const screenHello = (secret: string) => ({ type: 'hello', role: 'screen', code: event.code, secret });

describe('renewing the screen link', () => {
  it('closes the screens connected with the old secret (4003) and keeps moderators and new screens', async () => {
    const oldScreens = await Promise.all([TestSocket.open(url), TestSocket.open(url)]);
    for (const s of oldScreens) {
      s.send(screenHello(event.screen));
      await s.next('snapshot');
    }
    const moderator = await TestSocket.open(url);
    moderator.send({ type: 'hello', role: 'moderator', code: event.code, secret: event.moderator });
    await moderator.next('snapshot');

    const renewed = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/screen-link`,
      headers: auth(event.moderator),
    });
    expect(renewed.statusCode).toBe(200);
    for (const s of oldScreens) expect((await s.closedWith()).code).toBe(CLOSE.unauthorized);

    const fresh = await TestSocket.open(url);
    fresh.send(screenHello(renewed.json().screen));
    await fresh.next('snapshot');
    const stale = await TestSocket.open(url);
    stale.send(screenHello(event.screen));
    expect((await stale.closedWith()).code).toBe(CLOSE.unauthorized);

    // The new screen and the moderator still get pushes; the old screens got nothing after renewal.
    const seen = fresh.messages.length;
    const moderatorSeen = moderator.messages.length;
    await join(t.app, event.code, { displayName: 'Ada' });
    await fresh.next('snapshot', (m) => joinedCount(m) === 1, { from: seen });
    // The console gets the join as a patch of what changed (or a snapshot when that is smaller).
    await vi.waitFor(
      () => {
        const pushed = moderator.messages
          .slice(moderatorSeen)
          .some((m) => m.type === 'patch' || m.type === 'snapshot');
        if (!pushed) throw new Error('the moderator heard nothing of the join');
      },
      { timeout: 60_000, interval: 20 },
    );
    expect(moderator.closed).toBeNull();
    for (const s of oldScreens) {
      expect(s.messages.some((m) => joinedCount(m) === 1)).toBe(false);
    }
  });
});
