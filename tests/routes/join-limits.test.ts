import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, profile } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const VENUE_NAT = '203.0.113.7';
let t: TestApp;
afterEach(async () => t.close());

const joinFrom = (code: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/events/${code}/participants`,
    remoteAddress: VENUE_NAT,
    payload: profile(),
  });

/** What a noisy device sends: nothing of it could ever be a join. */
const garbage = [
  (i: number) => ({
    method: 'POST' as const,
    url: `/api/events/nosuch${i % 10}x/participants`,
    headers: { 'content-type': 'text/plain' },
    payload: 'hello',
  }),
  (i: number) => ({
    method: 'POST' as const,
    url: `/api/events/gone${i % 10}abc/participants`,
    payload: profile(),
  }),
  (_i: number, code: string) => ({
    method: 'POST' as const,
    url: `/api/events/${code}/participants`,
    payload: { displayName: '' },
  }),
  (_i: number, code: string) => ({
    method: 'POST' as const,
    url: `/api/events/${code}/participants`,
    headers: { 'content-type': 'application/json' },
    payload: '{not json',
  }),
];
const sendGarbage = (i: number, code: string) =>
  t.app.inject({ ...garbage[i % garbage.length]!(i, code), remoteAddress: VENUE_NAT });

describe('the join limit counts only what could be a join', () => {
  it('600 refused requests from one address leave its join allowance whole', async () => {
    t = await createTestApp();
    const event = await createEvent(t.app);
    for (let i = 0; i < 600; i++) {
      const res = await sendGarbage(i, event.code);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).not.toBe(429);
    }
    expect((await joinFrom(event.code)).statusCode).toBe(201);
  });

  it('a closed or finished event does not use the allowance either', async () => {
    t = await createTestApp({ JOIN_RATE_LIMIT: '5' });
    const open = await createEvent(t.app);
    const closed = await createEvent(t.app, {});
    await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${closed.code}`,
      headers: { authorization: `Bearer ${closed.moderator}` },
      payload: { joinOpen: false },
    });
    for (let i = 0; i < 20; i++) expect((await joinFrom(closed.code)).statusCode).toBe(409);
    for (let i = 0; i < 5; i++) expect((await joinFrom(open.code)).statusCode).toBe(201);
    expect((await joinFrom(open.code)).statusCode).toBe(429);
  });

  it('300 phones behind one NAT all join within a minute while a neighbour sends garbage', async () => {
    t = await createTestApp();
    const event = await createEvent(t.app, { tables: { count: 50, seats: 8 } });
    const started = Date.now();
    let joined = 0;
    for (let i = 0; i < 300; i++) {
      await sendGarbage(2 * i, event.code);
      await sendGarbage(2 * i + 1, event.code);
      const res = await joinFrom(event.code);
      if (res.statusCode === 201) joined += 1;
      else throw new Error(`phone ${i + 1} got ${res.statusCode}: ${res.body}`);
    }
    expect(joined).toBe(300);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it('refusals have a bucket of their own: a flood of them is answered 429', async () => {
    t = await createTestApp({ JOIN_RATE_LIMIT: '10' });
    const event = await createEvent(t.app);
    const statuses: number[] = [];
    // The refusal bucket holds ten times the join limit.
    for (let i = 0; i < 101; i++) statuses.push((await sendGarbage(i, event.code)).statusCode);
    expect(statuses.slice(0, 100).every((s) => s !== 429)).toBe(true);
    expect(statuses[100]).toBe(429);
    // Another address is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/participants`,
      remoteAddress: '198.51.100.9',
      payload: profile(),
    });
    expect(other.statusCode).toBe(201);
  });
});
