import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, type CreatedEvent, createEvent, join, updateMe } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  event = await createEvent(t.app, { tables: { count: 2, seats: 4 } });
});
afterEach(async () => t.close());

interface Seat {
  table: { label: string };
  sharedInterests: string[];
  starter: { de: string; en: string } | null;
}
const me = async (token: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/me', headers: auth(token) })).json() as {
    seat: Seat | null;
  };
const screen = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/events/${event.code}/screen`,
      headers: auth(event.screen),
    })
  ).json() as {
    seating: { name: string }[];
    recap: { rounds: number; conversations: number; people: number; peopleMetAverage: number } | null;
  };
const post = (url: string) => t.app.inject({ method: 'POST', url, headers: auth(event.moderator) });

describe('what a table talks about', () => {
  it('gives the whole table one starter in both languages and shows each person only what they share', async () => {
    const interests = [
      ['governance', 'lizenzen'],
      ['governance'],
      ['lizenzen', 'governance'],
      [],
      ['governance'],
    ];
    const people = [];
    for (const [i, chosen] of interests.entries())
      people.push({
        ...(await join(t.app, event.code, { displayName: `P${i}`, interests: chosen })),
        chosen,
      });
    expect((await post(`/api/events/${event.code}/rounds`)).statusCode).toBe(201);

    const starters = new Map<string, string>();
    for (const person of people) {
      const { seat } = await me(person.token);
      expect(seat).not.toBeNull();
      // Only what this person chose, never the table's interests for someone who chose none.
      for (const shared of seat!.sharedInterests) expect(person.chosen).toContain(shared);
      if (person.chosen.length === 0) expect(seat!.sharedInterests).toEqual([]);
      const key = JSON.stringify(seat!.starter);
      const earlier = starters.get(seat!.table.label);
      if (earlier !== undefined) expect(key).toBe(earlier);
      starters.set(seat!.table.label, key);
      if (seat!.starter) {
        expect(seat!.starter.de).toBeTruthy();
        expect(seat!.starter.en).toBeTruthy();
        expect(seat!.starter.de).not.toBe(seat!.starter.en);
      }
    }
  });

  it('takes a person on a break off the venue screen at once, and sums up the evening when it is finished', async () => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await join(t.app, event.code, { displayName: `Gast ${i}` }));
    expect((await post(`/api/events/${event.code}/rounds`)).statusCode).toBe(201);
    expect((await screen()).seating).toHaveLength(6);

    const pause = await updateMe(t.app, people[0]!.token, { presence: 'break' });
    expect(pause.statusCode).toBe(200);
    expect((await screen()).seating.map((s) => s.name)).not.toContain('Gast 0');
    expect((await screen()).recap).toBeNull();

    expect((await post(`/api/events/${event.code}/rounds/current/end`)).statusCode).toBeLessThan(300);
    expect((await post(`/api/events/${event.code}/finish`)).statusCode).toBeLessThan(300);
    const { recap } = await screen();
    // Six people at two tables of three: two conversations, each person met two others.
    expect(recap).toEqual({ rounds: 1, conversations: 2, people: 6, peopleMetAverage: 2 });
  });
});
