import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auth, createEvent, join } from '../helpers/api.js';
import { createTestApp, sqliteOf, type TestApp } from '../helpers/app.js';

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
  sqliteOf(t.app).writer.pragma('wal_checkpoint(TRUNCATE)');
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

/** A round question, a takeaway and a feedback answer, then the round ends: the World Café data to erase. */
async function harvested(t: TestApp, code: string, moderator: string, writer: Person) {
  const question = unique('Frage ');
  const takeaway = unique('Ernte ');
  const asked = await t.app.inject({
    method: 'PUT',
    url: `/api/events/${code}/questions/1`,
    headers: auth(moderator),
    payload: { de: question, en: null },
  });
  expect(asked.statusCode).toBe(200);
  const me = (method: 'POST', path: string, payload: object) =>
    t.app.inject({ method, url: `/api/me/${path}`, headers: auth(writer.token), payload });
  expect((await me('POST', 'takeaways', { text: takeaway })).statusCode).toBe(201);
  const ended = await t.app.inject({
    method: 'POST',
    url: `/api/events/${code}/rounds/current/end`,
    headers: auth(moderator),
  });
  expect(ended.statusCode).toBe(200);
  expect((await me('POST', 'feedback', { face: 'good' })).statusCode).toBe(201);
  return [question, takeaway];
}

const feedbackMarkers = (t: TestApp) =>
  (sqliteOf(t.app).reader.prepare('select count(*) as n from feedback_given').get() as { n: number }).n;

describe('erasure leaves no trace in the database file', () => {
  it('after a participant deletes their own data (DELETE /api/me)', async () => {
    const t = await createTestApp();
    try {
      const { event, people } = await liveRoundWithPeople(t);
      const [gone, ...kept] = people;
      // The takeaway was never linked to its writer, so it stays; the marker that they answered goes.
      const [, takeaway] = await harvested(t, event.code, event.moderator, gone!);
      expect(feedbackMarkers(t)).toBe(1);
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
      expect(feedbackMarkers(t)).toBe(0);

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
      expect(occurs(bytes, takeaway!)).toBe(true);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it('after the moderator erases the event (DELETE /api/events/:code)', async () => {
    const t = await createTestApp();
    try {
      const { event, people } = await liveRoundWithPeople(t);
      const cafe = await harvested(t, event.code, event.moderator, people[0]!);
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
      for (const text of cafe) expect(occurs(bytes, text), text).toBe(false);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it('after the retention job erases the event', async () => {
    const t = await createTestApp();
    try {
      const { event, people } = await liveRoundWithPeople(t);
      const cafe = await harvested(t, event.code, event.moderator, people[0]!);
      await t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}/finish`,
        headers: auth(event.moderator),
      });
      t.clock.advance(8 * 86_400_000);
      expect(await t.app.sweepRetention()).toBe(1);
      const bytes = await rawBytes(t);
      for (const person of people) {
        expect(occurs(bytes, person.name)).toBe(false);
        expect(occurs(bytes, person.contact)).toBe(false);
      }
      for (const text of cafe) expect(occurs(bytes, text), text).toBe(false);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
