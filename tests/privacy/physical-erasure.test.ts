import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, createEvent, join as joinEvent } from '../helpers/api.js';
import { createTestApp } from '../helpers/app.js';
import { exited, freePort, requestJson, startServerProcess } from '../helpers/server-process.js';

type Server = Awaited<ReturnType<typeof startServerProcess>>;

let dir: string;
let port: number;
let server: Server;

const api = (path: string, init?: Parameters<typeof requestJson>[2]) => requestJson(server.base, path, init);

const unique = (prefix: string) => `${prefix}${randomBytes(8).toString('hex')}`;

/** The database file and its WAL as they are on disk right now, read while the server runs. */
function rawFiles(path = join(dir, 'server.sqlite')): Buffer {
  return Buffer.concat([path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

const occurs = (bytes: Buffer, text: string) =>
  bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));

async function eventWithPeople(n: number) {
  const created = (
    await api('/api/events', {
      method: 'POST',
      body: { title: unique('Titel '), tables: { count: 3, seats: 4 } },
    })
  ).body;
  const people = [];
  for (let i = 0; i < n; i++) {
    const person = {
      displayName: unique('Zorabel '),
      organisation: unique('Amt fuer '),
      contact: `${unique('mail')}@example.org`,
    };
    const joined = await api(`/api/events/${created.code}/participants`, {
      method: 'POST',
      body: { ...person, role: 'verwaltung', stage: 1, shareContact: true, privacyAccepted: true },
    });
    expect(joined.status).toBe(201);
    // Edits leave older copies of the row in the WAL: the erasure must reach those too.
    const renamed = `${person.displayName} B`;
    await api('/api/me', { method: 'PATCH', secret: joined.body.token, body: { displayName: renamed } });
    people.push({ ...person, renamed, token: joined.body.token as string });
  }
  await api(`/api/events/${created.code}/rounds`, { method: 'POST', secret: created.moderator });
  return { created, people };
}

async function killAndRestart() {
  server.child.kill('SIGKILL');
  await exited(server.child);
  const afterKill = rawFiles();
  server = await startServerProcess(dir, port);
  return afterKill;
}

describe('erasure is physical before the answer: no byte in the database file or the WAL', () => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tischwechsel-erase-'));
    port = await freePort();
    server = await startServerProcess(dir, port);
  });
  afterEach(async () => {
    server.child.kill('SIGKILL');
    await exited(server.child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('self-erasure (DELETE /api/me), right after the answer and after kill -9', async () => {
    const { people } = await eventWithPeople(4);
    const [gone, ...kept] = people;
    expect(occurs(rawFiles(), gone!.displayName)).toBe(true);
    expect((await api('/api/me', { method: 'DELETE', secret: gone!.token })).status).toBe(204);
    const values = [gone!.displayName, gone!.renamed, gone!.organisation, gone!.contact];
    const now = rawFiles();
    for (const value of values) expect(occurs(now, value), value).toBe(false);
    for (const person of kept) expect(occurs(now, person.renamed)).toBe(true);
    const afterKill = await killAndRestart();
    for (const value of values) expect(occurs(afterKill, value), value).toBe(false);
    for (const value of values) expect(occurs(rawFiles(), value), value).toBe(false);
  });

  it('event erasure (DELETE /api/events/:code), right after the answer and after kill -9', async () => {
    const { created, people } = await eventWithPeople(4);
    const question = unique('Frage ');
    const takeaway = unique('Ernte ');
    const asked = await api(`/api/events/${created.code}/questions/1`, {
      method: 'PUT',
      secret: created.moderator,
      body: { de: question, en: null },
    });
    expect(asked.status).toBe(200);
    const added = await api('/api/me/takeaways', {
      method: 'POST',
      secret: people[0]!.token,
      body: { text: takeaway },
    });
    expect(added.status).toBe(201);
    const erased = await api(`/api/events/${created.code}`, { method: 'DELETE', secret: created.moderator });
    expect(erased.status).toBe(204);
    const values = [
      ...people.flatMap((p) => [p.displayName, p.renamed, p.organisation, p.contact]),
      question,
      takeaway,
    ];
    const now = rawFiles();
    for (const value of values) expect(occurs(now, value), value).toBe(false);
    const afterKill = await killAndRestart();
    for (const value of values) expect(occurs(afterKill, value), value).toBe(false);
  });
});

describe('the retention sweep', () => {
  it('leaves no byte of an expired event in the database file or the WAL when it returns', async () => {
    const t = await createTestApp();
    try {
      const event = await createEvent(t.app);
      const names = [unique('Zorabel '), unique('Zorabel ')];
      for (const displayName of names) await joinEvent(t.app, event.code, { displayName });
      await t.app.inject({
        method: 'POST',
        url: `/api/events/${event.code}/finish`,
        headers: auth(event.moderator),
      });
      expect(occurs(rawFiles(t.dbPath), names[0]!)).toBe(true);
      t.clock.advance(8 * 86_400_000);
      expect(await t.app.sweepRetention()).toBe(1);
      const now = rawFiles(t.dbPath);
      for (const name of names) expect(occurs(now, name), name).toBe(false);
    } finally {
      await t.close();
    }
  });
});
