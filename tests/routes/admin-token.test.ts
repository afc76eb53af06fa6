import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { auth } from '../helpers/api.js';
import { createTestApp } from '../helpers/app.js';

const payload = { title: 'Frühstück', tables: { count: 2, seats: 4 } };

describe('ADMIN_TOKEN', () => {
  // What `openssl rand -base64 32` prints: +, / and = are outside the nanoid alphabet.
  it.each(['q8Vd+3x/0Zk9Yw2L1pT7rS4uN6mB5cE8aG0hJ2iK4lM=', 'Tisch~wechsel.2026!#$%&*'])(
    'accepts %s at start and then lets it create events',
    async (token) => {
      const t = await createTestApp({ ADMIN_TOKEN: token });
      try {
        const without = await t.app.inject({ method: 'POST', url: '/api/events', payload });
        expect(without.statusCode).toBe(401);
        const wrong = await t.app.inject({
          method: 'POST',
          url: '/api/events',
          payload,
          headers: auth(`${token}x`),
        });
        expect(wrong.statusCode).toBe(401);
        const ok = await t.app.inject({ method: 'POST', url: '/api/events', payload, headers: auth(token) });
        expect(ok.statusCode).toBe(201);
      } finally {
        await t.close();
      }
    },
  );

  it.each([
    ['a passphrase with spaces', 'correct horse battery staple'],
    ['a non-ASCII token', 'Frühstückstoken-2026'],
    ['a token with a tab', 'abcdefghijkl\tmnop'],
  ])('refuses %s at start with one line naming the variable', (_what, token) => {
    expect(() => loadConfig({ ADMIN_TOKEN: token })).toThrow(ConfigError);
    try {
      loadConfig({ ADMIN_TOKEN: token });
    } catch (error) {
      expect((error as Error).message).toContain('ADMIN_TOKEN');
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
