import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { profile } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

// The proxy (nginx with `$proxy_add_x_forwarded_for`) connects from 127.0.0.1 and appends the address
// it saw: whatever the client wrote itself comes before that.
const PROXY = '127.0.0.1';
const CLIENT = '203.0.113.7';

const createFrom = (t: TestApp, forwardedFor: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/events',
    remoteAddress: PROXY,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { title: 'Frühstück', tables: { count: 2, seats: 4 } },
  });

describe.each([
  ['true (a proxy on this machine)', 'true'],
  ['1 (as true)', '1'],
  ['the proxy address', '127.0.0.1'],
  ['a proxy network', '127.0.0.0/8, ::1'],
  ['a keyword', 'loopback'],
])('TRUST_PROXY=%s', (_what, value) => {
  it('counts a client that writes its own X-Forwarded-For by the address the proxy saw', async () => {
    const t = await createTestApp({ TRUST_PROXY: value });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) statuses.push((await createFrom(t, `10.0.${i}.1, ${CLIENT}`)).statusCode);
      expect(statuses.filter((s) => s === 201)).toHaveLength(30);
      expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);

      const joins: number[] = [];
      const event = (await createFrom(t, '198.51.100.200')).json() as { code: string };
      for (let i = 0; i < 3; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/events/${event.code}/participants`,
          remoteAddress: PROXY,
          headers: { 'x-forwarded-for': `10.1.${i}.1, ${CLIENT}` },
          payload: profile(),
        });
        joins.push(res.statusCode);
      }
      expect(joins).toEqual([201, 201, 201]);
    } finally {
      await t.close();
    }
  });

  it('still gives honest clients behind the proxy a bucket each', async () => {
    const t = await createTestApp({ TRUST_PROXY: value });
    try {
      for (let i = 0; i < 35; i++) expect((await createFrom(t, `198.51.100.${i}`)).statusCode).toBe(201);
    } finally {
      await t.close();
    }
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default: X-Forwarded-For is ignored and the socket address counts', async () => {
    const t = await createTestApp();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await createFrom(t, `198.51.100.${i}`)).statusCode);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('believes X-Forwarded-For only from a trusted proxy, not from a client that connects directly', async () => {
    const t = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/events',
          remoteAddress: CLIENT,
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
          payload: { title: 'Frühstück', tables: { count: 2, seats: 4 } },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await t.close();
    }
  });

  it.each(['yes', '-1', '2', '10.0.0.300', 'proxy.example.org', '10.0.0.0/33'])(
    'stops the start on %s with one line naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});
