import { afterEach, describe, expect, it } from 'vitest';
import { auth, createEvent, join } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const as = (token: string, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: auth(token), payload });
const names = (res: { json(): unknown }) =>
  (res.json() as { people: { name: string }[] }).people.map((p) => p.name);

describe('finding people one already knows', () => {
  it('finds people in the room by the start of a name, folding case and accents, never oneself', async () => {
    t = await createTestApp();
    const event = await createEvent(t.app);
    const me = await join(t.app, event.code, { displayName: 'Anton Berger' });
    const anna = await join(t.app, event.code, { displayName: 'Anna Müller' });
    await join(t.app, event.code, { displayName: 'Bernd Schulz' });
    await join(t.app, event.code, { displayName: 'Marie-Anne Groß' });
    const gone = await join(t.app, event.code, { displayName: 'Andrea Gone' });
    await as(gone.token, 'PATCH', '/api/me', { presence: 'left' });

    expect(names(await as(me.token, 'GET', '/api/me/people?q=mul'))).toEqual(['Anna Müller']);
    expect(names(await as(me.token, 'GET', '/api/me/people?q=AN'))).toEqual([
      'Anna Müller',
      'Marie-Anne Groß',
    ]);
    expect(names(await as(me.token, 'GET', '/api/me/people?q=gross'))).toEqual(['Marie-Anne Groß']);
    // One letter lists nobody; neither does a name part in the middle of a word.
    expect(names(await as(me.token, 'GET', '/api/me/people?q=a'))).toEqual([]);
    expect(names(await as(me.token, 'GET', '/api/me/people?q=ller'))).toEqual([]);

    expect((await as(me.token, 'PUT', `/api/me/known/${anna.participantId}`)).statusCode).toBe(204);
    const found = (await as(me.token, 'GET', '/api/me/people?q=anna')).json();
    expect(found.people).toEqual([
      { id: anna.participantId, name: 'Anna Müller', organisation: expect.anything(), known: true },
    ]);
    expect(names(await as(me.token, 'GET', '/api/me/known'))).toEqual(['Anna Müller']);
    // Anna is never told.
    expect(names(await as(anna.token, 'GET', '/api/me/known'))).toEqual([]);
    expect((await as(anna.token, 'GET', '/api/me/people?q=anton')).json().people[0].known).toBe(false);
  });

  it('answers at most eight people to one search', async () => {
    t = await createTestApp();
    const event = await createEvent(t.app, { tables: { count: 4, seats: 4 } });
    const me = await join(t.app, event.code, { displayName: 'Zoe' });
    for (let i = 0; i < 12; i++) await join(t.app, event.code, { displayName: `Jan ${i}` });
    expect(names(await as(me.token, 'GET', '/api/me/people?q=jan'))).toHaveLength(8);
  });

  it('refuses a search without a query or with a long one, and changes nothing', async () => {
    t = await createTestApp();
    const event = await createEvent(t.app);
    const me = await join(t.app, event.code);
    expect((await as(me.token, 'GET', '/api/me/people')).statusCode).toBe(400);
    expect((await as(me.token, 'GET', `/api/me/people?q=${'x'.repeat(81)}`)).statusCode).toBe(400);
    expect((await as(me.token, 'GET', '/api/me/people?q=an&extra=1')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/people?q=an' })).statusCode).toBe(401);
  });
});
