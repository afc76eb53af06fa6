import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headersOf, securityHeaders } from '../../src/plugins/security.js';
import { auth, createEvent, profile } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { count, row } from '../helpers/rows.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const VENUE_NAT = '203.0.113.7';

function joinFrom(code: string, remoteAddress: string, overrides: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/events/${code}/participants`,
    remoteAddress,
    payload: profile(overrides),
  });
}

function expectErrorShape(body: unknown, code?: string) {
  const error = (body as { error: { code: unknown; message: unknown } }).error;
  expect(typeof error.code).toBe('string');
  expect(typeof error.message).toBe('string');
  if (code) expect(error.code).toBe(code);
}

describe('rate limits', () => {
  it('lets 600 phones behind one venue NAT join within a minute and refuses the 601st with 429', async () => {
    const event = await createEvent(t.app);
    const started = Date.now();
    for (let i = 0; i < 600; i++) {
      const res = await joinFrom(event.code, VENUE_NAT);
      if (res.statusCode !== 201) throw new Error(`join ${i + 1} got ${res.statusCode}: ${res.body}`);
      if (i === 299) expect(Date.now() - started).toBeLessThan(60_000);
    }
    // The window is a minute of real time; all 600 must fall in it for the 601st to be the one refused.
    expect(Date.now() - started).toBeLessThan(60_000);
    const refused = await joinFrom(event.code, VENUE_NAT);
    expect(refused.statusCode).toBe(429);
    expectErrorShape(refused.json(), 'rate_limited');
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await count(t.app, 'select count(*) n from participants')).toBe(600);
    // Another address has its own bucket.
    expect((await joinFrom(event.code, '198.51.100.9')).statusCode).toBe(201);
  });

  it('limits event creation per address', async () => {
    const create = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/events',
        remoteAddress,
        payload: { title: 'Spam', tables: { count: 2, seats: 4 } },
      });
    let accepted = 0;
    let refused = null;
    for (let i = 0; i < 40 && !refused; i++) {
      const res = await create(VENUE_NAT);
      if (res.statusCode === 201) accepted += 1;
      else refused = res;
    }
    expect(accepted).toBe(30);
    expect(refused?.statusCode).toBe(429);
    expectErrorShape(refused?.json(), 'rate_limited');
    expect(await count(t.app, 'select count(*) n from events')).toBe(30);
    expect((await create('198.51.100.9')).statusCode).toBe(201);
  });
});

describe('body size', () => {
  it.each([
    ['POST', '/api/events'],
    ['POST', '/api/events/abcd2345/participants'],
    ['PATCH', '/api/me'],
  ] as const)('refuses a body over 64 KiB on %s %s with 413 and the error shape', async (method, url) => {
    const big = JSON.stringify({ title: 'x'.repeat(64 * 1024) });
    const res = await t.app.inject({
      method,
      url,
      headers: { 'content-type': 'application/json', ...auth('x'.repeat(32)) },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.json());
  });

  it('accepts a body just under the limit up to the schema (400, not 413)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: { title: 'x'.repeat(60 * 1024), tables: { count: 2, seats: 4 } },
    });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'invalid_input');
  });
});

describe('security headers', () => {
  it.each(['/healthz', '/api/events/abcd2345', '/no-such-page'])('are on %s', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('are every header helmet sets on a real response, with its value, on every answer', async () => {
    const real = new ServerResponse(new IncomingMessage(new Socket()));
    let done = false;
    securityHeaders()(real.req, real, () => {
      done = true;
    });
    expect(done).toBe(true);
    const helmets = Object.entries(real.getHeaders()).map(([name, value]) => [name, String(value)] as const);
    expect(helmets.length).toBeGreaterThan(8);
    expect(new Map(headersOf(securityHeaders()))).toEqual(new Map(helmets));
    for (const url of ['/healthz', '/api/events/abcd2345', '/api/me', '/no-such-page']) {
      const res = await t.app.inject({ method: 'GET', url });
      for (const [name, value] of helmets) expect(res.headers[name], `${name} on ${url}`).toBe(value);
    }
  });

  it('are taken from a middleware only when it finishes at once and without an error', () => {
    expect(
      headersOf((_req, res, next) => {
        res.setHeader('X-A', '1');
        res.setHeader('X-B', 2);
        res.removeHeader('x-a');
        next();
      }),
    ).toEqual([['x-b', '2']]);
    expect(() => headersOf((_req, _res, next) => setImmediate(next))).toThrow(/did not finish/);
    expect(() => headersOf((_req, _res, next) => next(new Error('bad policy')))).toThrow('bad policy');
  });
});

describe('names', () => {
  it.each([
    ['a right-to-left override', 'Eve\u202Egnp.exe', 'Eve gnp.exe'],
    ['isolates and marks', '\u2067Mallory\u2069\u200F', 'Mallory'],
    ['the Arabic letter mark (a bidi control)', 'Ali\u061Cce', 'Ali ce'],
    ['control characters', 'Bob\u0000\u0007\u001b[31mred', 'Bob [31mred'],
    ['zero-width characters', 'Car\u200Bol\uFEFF', 'Car ol'],
    ['newlines and tabs', ' Dana\n\n\tLee ', 'Dana Lee'],
    ['a decomposed umlaut', 'Jo\u0308rg', 'Jörg'],
  ])('normalises %s', async (_what, displayName, stored) => {
    const event = await createEvent(t.app);
    const res = await joinFrom(event.code, VENUE_NAT, {
      displayName,
      organisation: `Org\u202E ${displayName}`,
    });
    expect(res.statusCode).toBe(201);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(res.json().token) });
    expect(me.json().me.displayName).toBe(stored);
    const person = (await row<{ display_name: string; organisation: string }>(
      t.app,
      'select display_name, organisation from participants',
    ))!;
    expect(person.display_name).toBe(stored);
    expect(person.organisation).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('caps a long name at 60 characters and refuses one too long to be a name', async () => {
    const event = await createEvent(t.app);
    const long = await joinFrom(event.code, VENUE_NAT, { displayName: 'Ä'.repeat(200) });
    expect(long.statusCode).toBe(201);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(long.json().token) });
    expect(me.json().me.displayName).toBe('Ä'.repeat(60));
    const huge = await joinFrom(event.code, VENUE_NAT, { displayName: 'x'.repeat(10_000) });
    expect(huge.statusCode).toBe(400);
    expectErrorShape(huge.json(), 'invalid_input');
  });

  it('refuses a name made only of invisible characters', async () => {
    const event = await createEvent(t.app);
    const res = await joinFrom(event.code, VENUE_NAT, { displayName: '\u202E\u200B\u0000 \u2066' });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'invalid_input');
  });
});
