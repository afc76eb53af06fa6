import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type App, buildApp, loggerOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { auth } from '../helpers/api.js';
import { testClock } from '../helpers/app.js';

const unique = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;

/** Every line pino writes, kept in memory. */
function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('logs', () => {
  it('carry no names, contacts, tokens or IP addresses through a whole event at level trace', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'tischwechsel-logs-'));
    const log = memoryLog();
    const clock = testClock();
    const config = loadConfig({
      DATABASE_PATH: joinPath(dir, 'db.sqlite'),
      PUBLIC_URL: 'http://127.0.0.1:3999',
      WEB_DIST: joinPath(dir, 'no-web'),
      TRUST_PROXY: 'true',
    });
    const { transport: _pretty, ...options } = loggerOptions('trace') as Record<string, unknown>;
    const app: App = await buildApp(config, { now: clock.now, logger: { ...options, stream: log.stream } });
    await app.ready();

    const secrets: string[] = [];
    const people: { name: string; organisation: string; contact: string; token: string; id: string }[] = [];
    const ips = ['203.0.113.77', '198.51.100.23', '2001:db8::7'];
    let n = 0;
    const call = async (method: string, url: string, secret?: string, payload?: object) => {
      n += 1;
      const res = await app.inject({
        method: method as 'GET',
        url,
        remoteAddress: ips[n % 2]!,
        headers: {
          'x-forwarded-for': `${ips[2]}, ${ips[n % 2]}`,
          'user-agent': 'Mozilla/5.0 (iPhone; Zorabel)',
          ...(secret && auth(secret)),
        },
        ...(payload && { payload }),
      });
      return res;
    };

    try {
      const created = (
        await call('POST', '/api/events', undefined, { title: 'Frühstück', tables: { count: 3, seats: 4 } })
      ).json();
      const { code, moderator, screen } = created;
      secrets.push(moderator, screen);
      for (let i = 0; i < 10; i++) {
        const person = {
          name: unique('Zorabel'),
          organisation: unique('Amt '),
          contact: `${unique('kontakt')}@example.org`,
          requestKey: randomBytes(16).toString('hex'),
        };
        secrets.push(person.requestKey);
        const res = await call('POST', `/api/events/${code}/participants`, undefined, {
          displayName: person.name,
          organisation: person.organisation,
          contact: person.contact,
          shareContact: true,
          role: 'verwaltung',
          stage: i % 5,
          interests: ['governance'],
          privacyAccepted: true,
          requestKey: person.requestKey,
        });
        expect(res.statusCode).toBe(201);
        const { token, participantId } = res.json();
        secrets.push(token);
        people.push({ ...person, token, id: participantId });
      }
      // A refused join carries a name in its body: the validation error must not log it.
      const refused = await call('POST', `/api/events/${code}/participants`, undefined, {
        displayName: people[0]!.name,
        contact: `not a contact ${people[0]!.contact}`,
        role: 'verwaltung',
        stage: 0,
        privacyAccepted: true,
      });
      expect(refused.statusCode).toBe(400);
      // A secret in a query string (where it does not belong) must not reach the log either.
      await call('GET', `/api/events/${code}/state?secret=${moderator}`, moderator);
      await call('GET', `/api/me?token=${people[1]!.token}`, people[1]!.token);
      await call('GET', `/api/events/${code}/state`, `${moderator}x`);

      for (let round = 0; round < 2; round++) {
        expect((await call('POST', `/api/events/${code}/rounds`, moderator)).statusCode).toBe(201);
        await call('GET', `/api/events/${code}/state`, moderator);
        await call('GET', `/api/events/${code}/screen`, screen);
        for (const p of people) await call('GET', '/api/me', p.token);
        await call('PATCH', '/api/me', people[2]!.token, {
          displayName: `${people[2]!.name} 2`,
          presence: 'break',
        });
        await call('POST', `/api/events/${code}/rounds/current/extend`, moderator, { minutes: 2 });
        clock.advance(12 * 60_000);
        await call('POST', `/api/events/${code}/rounds/current/end`, moderator);
      }
      await call('POST', `/api/events/${code}/walk-ins`, moderator, {
        displayName: unique('Zorabel'),
        role: 'politik',
        stage: 1,
      });
      await call('PATCH', `/api/events/${code}/participants/${people[3]!.id}`, moderator, {
        presence: 'absent',
      });
      await call('GET', `/api/events/${code}/preview`, moderator);
      await call('GET', `/api/events/${code}/export.csv`, moderator);
      await call('GET', `/api/events/${code}/plan`, moderator);
      expect((await call('POST', `/api/events/${code}/finish`, moderator)).statusCode).toBe(200);
      for (const p of people) {
        await call('GET', '/api/me/contacts', p.token);
        await call('GET', '/api/me/contacts.vcf', p.token);
      }
      await call('DELETE', '/api/me', people[4]!.token);
      clock.advance(8 * 86_400_000);
      await app.sweepRetention();
      await call('DELETE', `/api/events/${code}`, moderator);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }

    expect(log.lines.length).toBeGreaterThan(n);
    expect(log.lines.filter((l) => l.includes('request completed')).length).toBeGreaterThanOrEqual(n);
    const forbidden = [
      ...people.flatMap((p) => [p.name, p.organisation, p.contact, p.contact.split('@')[0]!]),
      ...secrets,
      ...ips,
      '127.0.0.1',
      'Zorabel',
      'iPhone',
    ];
    const leaks = log.lines.flatMap((line) =>
      forbidden.filter((f) => line.includes(f)).map((f) => `${f} in ${line}`),
    );
    expect(leaks).toEqual([]);
  });
});
