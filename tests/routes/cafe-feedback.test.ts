import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, join, moderatorState } from '../helpers/api.js';
import { createTestApp, sqliteOf, type TestApp } from '../helpers/app.js';
import {
  asModerator,
  asPhone,
  endRound,
  eventWithLiveRound,
  myView,
  screenView,
  startRound,
} from '../helpers/cafe.js';
import { columnsOf, count, rows } from '../helpers/rows.js';
import { onPostgres } from '../helpers/store-under-test.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const give = (token: string, face: unknown) => asPhone(t, token, 'POST', '/feedback', { face });

describe('one-tap feedback', () => {
  it('is asked after a round, taken once per person, and not linked to who gave it', async () => {
    const { event, people } = await eventWithLiveRound(t, 6);
    const live = await give(people[0]!.token, 'good');
    expect(live.statusCode).toBe(409);
    expect(live.json().error.code).toBe('feedback_closed');
    expect((await myView(t, people[0]!.token)).cafe.feedback).toBeNull();

    await endRound(t, event);
    expect((await myView(t, people[0]!.token)).cafe.feedback).toEqual({
      round: 1,
      openUntil: t.clock.now() + 10 * 60_000,
      given: false,
    });
    const first = await give(people[0]!.token, 'good');
    expect(first.statusCode).toBe(201);
    expect(first.json().cafe.feedback.given).toBe(true);
    const again = await give(people[0]!.token, 'poor');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('feedback_given');
    for (const [i, face] of [
      [1, 'good'],
      [2, 'okay'],
      [3, 'poor'],
    ] as const)
      expect((await give(people[i]!.token, face)).statusCode).toBe(201);

    // Stored as a once-marker and counters that share nothing but the round.
    expect((await columnsOf(t.app, 'feedback_given')).sort()).toEqual(['participant_id', 'round_id']);
    expect((await columnsOf(t.app, 'feedback_counts')).sort()).toEqual(['count', 'face', 'round_id']);
    expect(await rows(t.app, 'select face, count from feedback_counts order by face')).toEqual([
      { face: 'good', count: 2 },
      { face: 'okay', count: 1 },
      { face: 'poor', count: 1 },
    ]);
    const log = JSON.stringify(await rows(t.app, 'select * from moderator_actions'));
    expect(log).not.toContain('feedback');

    // While people can still answer, the console sees how many answered, not what.
    const open = (await moderatorState(t.app, event)).cafe.feedback;
    expect(open.rounds).toEqual([{ number: 1, settled: false, answers: 4 }]);
    expect(open.overall).toEqual({ answers: 0 });

    expect((await startRound(t, event)).statusCode).toBe(201);
    const settled = (await moderatorState(t.app, event)).cafe.feedback;
    expect(settled.rounds[0]).toEqual({ number: 1, settled: true, answers: 4, good: 2, okay: 1, poor: 1 });
    expect(settled.overall).toEqual({ answers: 4, good: 2, okay: 1, poor: 1 });
    expect(settled.rounds[1]).toEqual({ number: 2, settled: false, answers: 0 });
  });

  it('shows no split for fewer than three answers', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    await endRound(t, event);
    await give(people[0]!.token, 'poor');
    await give(people[1]!.token, 'good');
    await startRound(t, event);
    const feedback = (await moderatorState(t.app, event)).cafe.feedback;
    expect(feedback.rounds[0]).toEqual({ number: 1, settled: true, answers: 2 });
    expect(feedback.overall).toEqual({ answers: 2 });
  });

  it('closes ten minutes after the round, at the next round and when the event finishes', async () => {
    const { event, people } = await eventWithLiveRound(t, 6);
    await endRound(t, event);
    t.clock.advance(10 * 60_000 + 1);
    expect((await give(people[0]!.token, 'good')).json().error.code).toBe('feedback_closed');

    await startRound(t, event);
    await endRound(t, event);
    for (const p of people.slice(0, 3)) expect((await give(p.token, 'okay')).statusCode).toBe(201);
    const finished = await asModerator(t, event, 'POST', '/finish');
    expect(finished.statusCode).toBe(200);
    const closed = await give(people[3]!.token, 'good');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('feedback_closed');
    expect((await myView(t, people[3]!.token)).cafe.feedback).toBeNull();

    // The recap of the finished event carries the overall result; the console has it per round.
    expect((await screenView(t, event)).cafe.recap).toEqual({
      feedback: { answers: 3, good: 0, okay: 3, poor: 0 },
      minAnswers: 3,
    });
    const rounds = (await moderatorState(t.app, event)).cafe.feedback.rounds;
    expect(rounds.map((r: { answers: number }) => r.answers)).toEqual([0, 3]);
    expect((await asModerator(t, event, 'GET', '/harvest.md')).body).toContain('😐 3');
  });

  it('is only for people who sat in the round, and refuses bad faces', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    await endRound(t, event);
    const newcomer = await join(t.app, event.code);
    const res = await give(newcomer.token, 'good');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('feedback_closed');
    for (const face of ['great', '', 1, null]) {
      const bad = await give(people[0]!.token, face);
      expect(bad.statusCode, String(face)).toBe(400);
      expect(bad.json().error.code).toBe('invalid_input');
    }
    expect(
      (await asPhone(t, people[0]!.token, 'POST', '/feedback', { face: 'good', round: 1 })).statusCode,
    ).toBe(400);
    expect((await myView(t, people[0]!.token)).cafe.feedback.given).toBe(false);
  });
});

describe('erasure', () => {
  it('takes questions, takeaways and feedback with the event', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    const secret = `Ernte${Date.now().toString(36)}Merkmal`;
    await asModerator(t, event, 'PUT', '/questions/1', { de: `Frage${secret}`, en: null });
    await asPhone(t, people[0]!.token, 'POST', '/takeaways', { text: secret });
    await endRound(t, event);
    await asPhone(t, people[0]!.token, 'POST', '/feedback', { face: 'good' });
    await asModerator(t, event, 'PUT', '/harvest-wall', { round: null });

    const erased = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${event.code}`,
      headers: auth(event.moderator),
    });
    expect(erased.statusCode).toBe(204);
    for (const table of [
      'round_questions',
      'takeaways',
      'harvest_walls',
      'feedback_given',
      'feedback_counts',
    ]) {
      expect(await count(t.app, `select count(*) as n from ${table}`), table).toBe(0);
    }
    // The bytes of the file: PostgreSQL's physical erasure is tested in tests/postgres/service.test.ts.
    if (onPostgres) return;
    sqliteOf(t.app).writer.pragma('wal_checkpoint(TRUNCATE)');
    const files = ['', '-wal'].map((s) => `${t.dbPath}${s}`).filter(existsSync);
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });
});
