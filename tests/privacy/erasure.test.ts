import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auth, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const unique = (prefix: string) => `${prefix}${randomBytes(8).toString('hex')}`;

interface Person {
  name: string;
  organisation: string;
  contact: string;
  token: string;
  participantId: string;
}

async function joinUnique(t: TestApp, code: string): Promise<Person> {
  const name = unique('Zorabel');
  const organisation = unique('Amt fuer ');
  const contact = `${unique('mail')}@example.org`;
  const joined = await join(t.app, code, {
    displayName: name,
    organisation,
    contact,
    shareContact: true,
  });
  return { name, organisation, contact, ...joined };
}

/** Closes the app (which checkpoints the WAL), then returns every byte SQLite keeps for the database. */
async function rawBytes(t: TestApp): Promise<Buffer> {
  t.app.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  await t.app.close();
  const files = ['', '-wal', '-shm', '-journal'].map((suffix) => `${t.dbPath}${suffix}`).filter(existsSync);
  return Buffer.concat(files.map((f) => readFileSync(f)));
}

/** SQLite stores text as UTF-8 here; UTF-16 is checked too, in case the encoding ever changes. */
function occurs(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

async function liveRoundWithPeople(t: TestApp) {
  const event = await createEvent(t.app);
  const people: Person[] = [];
  for (let i = 0; i < 6; i++) people.push(await joinUnique(t, event.code));
  const started = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.code}/rounds`,
    headers: auth(event.moderator),
  });
  expect(started.statusCode).toBe(201);
  // The people also show up in views, exports and the audit log before anyone erases anything.
  for (const url of ['state', 'export.csv', 'plan', 'screen']) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/${url}`,
      headers: auth(event.moderator),
    });
    expect(res.statusCode).toBe(200);
  }
  return { event, people };
}

describe('erasure leaves no trace in the database file', () => {
  it('after a participant deletes their own data (DELETE /api/me)', async () => {
    const t = await createTestApp();
    try {
      const { people } = await liveRoundWithPeople(t);
      const [gone, ...kept] = people;
      const update = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: auth(gone!.token),
        payload: { displayName: `${gone!.name} B`, presence: 'break' },
      });
      expect(update.statusCode).toBe(200);
      const erased = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: auth(gone!.token) });
      expect(erased.statusCode).toBe(204);
      const again = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(gone!.token) });
      expect(again.statusCode).toBe(401);

      const bytes = await rawBytes(t);
      expect(occurs(bytes, gone!.name)).toBe(false);
      expect(occurs(bytes, gone!.organisation)).toBe(false);
      expect(occurs(bytes, gone!.contact)).toBe(false);
      expect(occurs(bytes, gone!.participantId)).toBe(false);
      // The search does find what is still meant to be there.
      for (const person of kept) {
        expect(occurs(bytes, person.name)).toBe(true);
        expect(occurs(bytes, person.contact)).toBe(true);
      }
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it('after the moderator erases the event (DELETE /api/events/:code)', async () => {
    const t = await createTestApp();
    try {
      const { event, people } = await liveRoundWithPeople(t);
      const title = unique('Fruehstueck ');
      const renamed = await t.app.inject({
        method: 'PATCH',
        url: `/api/events/${event.code}`,
        headers: auth(event.moderator),
        payload: { title },
      });
      expect(renamed.statusCode).toBe(200);
      const finished = await t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}/finish`,
        headers: auth(event.moderator),
      });
      expect(finished.statusCode).toBe(200);
      const erased = await t.app.inject({
        method: 'DELETE',
        url: `/api/events/${event.code}`,
        headers: auth(event.moderator),
      });
      expect(erased.statusCode).toBe(204);

      const bytes = await rawBytes(t);
      for (const person of people) {
        for (const value of [person.name, person.organisation, person.contact, person.participantId]) {
          expect(occurs(bytes, value), value).toBe(false);
        }
      }
      expect(occurs(bytes, title)).toBe(false);
      expect(occurs(bytes, event.code)).toBe(false);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it('after the retention job erases the event', async () => {
    const t = await createTestApp();
    try {
      const { event, people } = await liveRoundWithPeople(t);
      await t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}/finish`,
        headers: auth(event.moderator),
      });
      t.clock.advance(8 * 86_400_000);
      expect(t.app.sweepRetention()).toBe(1);
      const bytes = await rawBytes(t);
      for (const person of people) {
        expect(occurs(bytes, person.name)).toBe(false);
        expect(occurs(bytes, person.contact)).toBe(false);
      }
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
