import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { asModerator, myView, screenView, startRound } from '../helpers/cafe.js';

let t: TestApp;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app, { tables: { count: 2, seats: 6 } });
});
afterEach(async () => t.close());

const question = { de: 'Was hat euch überrascht?', en: 'What surprised you?' };

describe("the round's question", () => {
  it('is typed before the round and shows on every phone and the venue screen during it', async () => {
    const a = await join(t.app, event.code);
    await join(t.app, event.code);
    expect((await asModerator(t, event, 'PUT', '/questions/1', question)).statusCode).toBe(200);
    expect((await myView(t, a.token)).cafe.question).toBeNull();
    expect((await moderatorState(t.app, event)).cafe.questions).toEqual([{ round: 1, ...question }]);

    expect((await startRound(t, event)).statusCode).toBe(201);
    expect((await myView(t, a.token)).cafe.question).toEqual(question);
    expect((await screenView(t, event)).cafe.question).toEqual(question);
  });

  it('can be changed during the round, in one language only, and removed', async () => {
    const a = await join(t.app, event.code);
    await join(t.app, event.code);
    await startRound(t, event);
    await asModerator(t, event, 'PUT', '/questions/1', { de: '  Was   nehmt ihr mit?\u202e ', en: null });
    expect((await myView(t, a.token)).cafe.question).toEqual({ de: 'Was nehmt ihr mit?', en: null });
    await asModerator(t, event, 'PUT', '/questions/1', { de: '', en: ' ' });
    expect((await myView(t, a.token)).cafe.question).toBeNull();
    expect((await moderatorState(t.app, event)).cafe.questions).toEqual([]);
  });

  it('refuses bad input and other audiences, changing nothing', async () => {
    const before = (await moderatorState(t.app, event)).event.version;
    const bad = [
      ['/questions/0', question],
      ['/questions/51', question],
      ['/questions/x', question],
      ['/questions/1', { de: 'x'.repeat(201), en: null }],
      ['/questions/1', { de: 42, en: null }],
      ['/questions/1', { ...question, fr: 'Quoi ?' }],
    ] as const;
    for (const [path, body] of bad) {
      const res = await asModerator(t, event, 'PUT', path, body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.code).toBe('invalid_input');
    }
    const asScreen = await t.app.inject({
      method: 'PUT',
      url: `/api/events/${event.code}/questions/1`,
      headers: auth(event.screen),
      payload: question,
    });
    expect(asScreen.statusCode).toBe(403);
    const state = await moderatorState(t.app, event);
    expect(state.event.version).toBe(before);
    expect(state.cafe.questions).toEqual([]);
  });
});
