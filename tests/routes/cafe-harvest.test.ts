import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  asModerator,
  asPhone,
  endRound,
  eventWithLiveRound,
  myView,
  type Seated,
  screenView,
  startRound,
} from '../helpers/cafe.js';
import { columnsOf, rows } from '../helpers/rows.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const add = (token: string, text: unknown) => asPhone(t, token, 'POST', '/takeaways', { text });

/** Two people at one table and one at another. */
function split(people: Seated[]) {
  const [first, ...rest] = people;
  const mate = rest.find((p) => p.tableId === first!.tableId)!;
  const other = rest.find((p) => p.tableId !== first!.tableId)!;
  return { first: first!, mate, other };
}

describe("the table's harvest", () => {
  it('takes up to five takeaways per table and round, shown to that table and the console, without a name', async () => {
    const { event, people } = await eventWithLiveRound(t);
    const { first, mate, other } = split(people);

    const added = await add(first.token, '  Offene   Standards zuerst\u200b ');
    expect(added.statusCode).toBe(201);
    expect(added.json().cafe.harvest).toMatchObject({
      round: 1,
      items: ['Offene Standards zuerst'],
      count: 1,
      max: 5,
    });
    expect((await myView(t, mate.token)).cafe.harvest.items).toEqual(['Offene Standards zuerst']);
    expect((await myView(t, other.token)).cafe.harvest.items).toEqual([]);

    for (let i = 2; i <= 5; i++) expect((await add(mate.token, `Punkt ${i}`)).statusCode).toBe(201);
    const sixth = await add(first.token, 'Noch einer');
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error.code).toBe('harvest_full');
    expect((await add(other.token, 'Am anderen Tisch')).statusCode).toBe(201);

    const state = await moderatorState(t.app, event);
    const tables = state.cafe.harvest[0].tables;
    expect(state.cafe.harvest[0].round).toBe(1);
    expect(tables.find((x: { tableId: number }) => x.tableId === first.tableId).items).toHaveLength(5);
    expect(JSON.stringify(state.cafe.harvest)).not.toContain(first.participantId);

    // Nothing in the stored row or the moderator's log says who wrote it.
    expect((await columnsOf(t.app, 'takeaways')).sort()).toEqual([
      'event_id',
      'hidden',
      'id',
      'round_id',
      'table_id',
      'text',
    ]);
    const log = await rows<{ details: unknown }>(t.app, 'select action, details from moderator_actions');
    expect(log.map((l) => JSON.stringify(l.details)).join()).not.toContain(first.participantId);
    expect(log.some((l) => JSON.stringify(l).includes('takeaway'))).toBe(false);
  });

  it('refuses bad text, changing nothing', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    const version = (await moderatorState(t.app, event)).event.version;
    for (const text of ['', '   ', '\u200b\u202e', 'x'.repeat(141), 42, null]) {
      const res = await add(people[0]!.token, text);
      expect(res.statusCode, String(text)).toBe(400);
      expect(res.json().error.code).toBe('invalid_input');
    }
    expect(
      (await asPhone(t, people[0]!.token, 'POST', '/takeaways', { text: 'ok', who: 'me' })).statusCode,
    ).toBe(400);
    expect((await asPhone(t, 'not-a-token-at-all-xx', 'POST', '/takeaways', { text: 'ok' })).statusCode).toBe(
      401,
    );
    expect((await add(people[0]!.token, '🙂'.repeat(140))).statusCode).toBe(201);
    const state = await moderatorState(t.app, event);
    expect(state.event.version).toBe(version + 1);
  });

  it('is open during the round and ten minutes after it', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    expect((await myView(t, people[0]!.token)).cafe.harvest.openUntil).toBeNull();
    await endRound(t, event);
    expect((await myView(t, people[0]!.token)).cafe.harvest.openUntil).toBe(t.clock.now() + 10 * 60_000);
    t.clock.advance(9 * 60_000);
    expect((await add(people[0]!.token, 'Nachgedacht')).statusCode).toBe(201);
    t.clock.advance(2 * 60_000);
    const closed = await add(people[0]!.token, 'Zu spät');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('harvest_closed');
    expect((await myView(t, people[0]!.token)).cafe.harvest.items).toEqual(['Nachgedacht']);
  });

  it('closes when the event finishes, even within the ten minutes', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    await endRound(t, event);
    expect((await asModerator(t, event, 'POST', '/finish')).statusCode).toBe(200);
    const closed = await add(people[0]!.token, 'Nach dem Ende');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('harvest_closed');
  });

  it('is closed before any round and for people without a table', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    const away = people[1]!;
    await endRound(t, event);
    await asPhone(t, away.token, 'GET', '');
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: auth(away.token),
      payload: { presence: 'break' },
    });
    expect((await startRound(t, event)).statusCode).toBe(201);
    const res = await add(away.token, 'Ich war nicht da');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('no_harvest_table');
    expect((await myView(t, away.token)).cafe.harvest).toBeNull();

    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: { title: 'Leer', tables: { count: 2, seats: 4 } },
    });
    const early = await join(t.app, empty.json().code);
    const before = await add(early.token, 'Zu früh');
    expect(before.statusCode).toBe(409);
    expect(before.json().error.code).toBe('harvest_closed');
  });

  it('lets the console hide a takeaway: gone from phones, wall and exports, still counted', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    const { first } = split(people);
    await add(first.token, 'Sichtbar');
    await add(first.token, 'Unpassend');
    const items = (await moderatorState(t.app, event)).cafe.harvest[0].tables[0].items;
    const bad = items.find((i: { text: string }) => i.text === 'Unpassend');
    expect((await asModerator(t, event, 'PATCH', `/takeaways/${bad.id}`, { hidden: true })).statusCode).toBe(
      200,
    );

    expect((await myView(t, first.token)).cafe.harvest).toMatchObject({ items: ['Sichtbar'], count: 2 });
    const console = (await moderatorState(t.app, event)).cafe.harvest[0].tables[0].items;
    expect(console).toEqual([
      { id: expect.any(Number), text: 'Sichtbar', hidden: false },
      { id: bad.id, text: 'Unpassend', hidden: true },
    ]);
    expect((await asModerator(t, event, 'PUT', '/harvest-wall', { round: 1 })).statusCode).toBe(200);
    expect(JSON.stringify((await screenView(t, event)).cafe.wall)).not.toContain('Unpassend');
    for (const file of ['harvest.md', 'harvest.csv', 'harvest']) {
      const body = (await asModerator(t, event, 'GET', `/${file}`)).body;
      expect(body, file).toContain('Sichtbar');
      expect(body, file).not.toContain('Unpassend');
    }

    expect((await asModerator(t, event, 'PATCH', '/takeaways/999999', { hidden: true })).statusCode).toBe(
      404,
    );
    expect((await asModerator(t, event, 'PATCH', '/takeaways/abc', { hidden: true })).statusCode).toBe(400);
    expect((await asModerator(t, event, 'PATCH', `/takeaways/${bad.id}`, { hidden: 'yes' })).statusCode).toBe(
      400,
    );
    const phone = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.code}/takeaways/${bad.id}`,
      headers: auth(first.token),
      payload: { hidden: false },
    });
    expect(phone.statusCode).toBe(403);
  });

  it("does not let one event's console hide another event's takeaway", async () => {
    const one = await eventWithLiveRound(t, 2);
    const two = await eventWithLiveRound(t, 2);
    await add(one.people[0]!.token, 'Nur für eins');
    const id = (await moderatorState(t.app, one.event)).cafe.harvest[0].tables[0].items[0].id;
    expect((await asModerator(t, two.event, 'PATCH', `/takeaways/${id}`, { hidden: true })).statusCode).toBe(
      404,
    );
    expect((await myView(t, one.people[0]!.token)).cafe.harvest.items).toEqual(['Nur für eins']);
  });
});

describe('the harvest wall', () => {
  it('shows one round or all on the venue screen on request, and gives way to the next round', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    await asModerator(t, event, 'PUT', '/questions/1', { de: 'Frage eins', en: null });
    await add(people[0]!.token, 'Runde eins');
    await endRound(t, event);
    expect((await screenView(t, event)).cafe.wall).toBeNull();

    expect((await asModerator(t, event, 'PUT', '/harvest-wall', { round: 1 })).statusCode).toBe(200);
    const wall = (await screenView(t, event)).cafe.wall;
    expect(wall.round).toBe(1);
    expect(wall.rounds).toEqual([
      {
        number: 1,
        question: { de: 'Frage eins', en: null },
        tables: [{ label: expect.any(String), items: ['Runde eins'] }],
      },
    ]);
    expect((await moderatorState(t.app, event)).cafe.wall).toEqual({ round: 1 });

    t.clock.advance(60_000);
    expect((await startRound(t, event)).statusCode).toBe(201);
    expect((await screenView(t, event)).cafe.wall).toBeNull();
    expect((await moderatorState(t.app, event)).cafe.wall).toBeNull();
    await add(people[1]!.token, 'Runde zwei');
    // Nor does the wall come back when that round ends.
    expect((await endRound(t, event)).statusCode).toBe(200);
    expect((await screenView(t, event)).cafe.wall).toBeNull();
    t.clock.advance(60_000);
    expect((await asModerator(t, event, 'PUT', '/harvest-wall', { round: null })).statusCode).toBe(200);
    const all = (await screenView(t, event)).cafe.wall;
    expect(all.rounds.map((r: { number: number }) => r.number)).toEqual([1, 2]);

    expect((await asModerator(t, event, 'DELETE', '/harvest-wall')).statusCode).toBe(200);
    expect((await screenView(t, event)).cafe.wall).toBeNull();
    expect((await asModerator(t, event, 'DELETE', '/harvest-wall')).statusCode).toBe(200);
  });

  it('refuses a round not played and bad bodies', async () => {
    const { event } = await eventWithLiveRound(t, 2);
    const unknown = await asModerator(t, event, 'PUT', '/harvest-wall', { round: 3 });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().error.code).toBe('unknown_round');
    for (const body of [{}, { round: 0 }, { round: 'all' }, { round: 1, extra: true }]) {
      expect((await asModerator(t, event, 'PUT', '/harvest-wall', body)).statusCode).toBe(400);
    }
    expect((await moderatorState(t.app, event)).cafe.wall).toBeNull();
  });
});

describe('harvest exports', () => {
  it('give every round with its question and visible takeaways as Markdown and CSV, safe to open', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    await asModerator(t, event, 'PUT', '/questions/1', { de: 'Was bleibt?', en: 'What stays?' });
    await add(people[0]!.token, '=HYPERLINK("x") # [Link](http://x) *fett*');
    await add(people[0]!.token, '# Überschrift?');

    const md = await asModerator(t, event, 'GET', '/harvest.md');
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain('## Runde 1');
    expect(md.body).toContain('Was bleibt?');
    expect(md.body).toContain('What stays?');
    expect(md.body).toContain('\\[Link\\](http://x) \\*fett\\*');
    expect(md.body).toContain('- \\# Überschrift?');

    const csv = await asModerator(t, event, 'GET', '/harvest.csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"round","question_de","question_en","table","takeaway"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1,"Was bleibt\?","What stays\?","[^"]+","'=HYPERLINK\(""x""\)/);

    const report = (await asModerator(t, event, 'GET', '/harvest')).json();
    expect(report.rounds[0]).toMatchObject({ number: 1, question: { de: 'Was bleibt?', en: 'What stays?' } });
    expect(report.rounds[0].tables[0].items).toHaveLength(2);
    for (const path of ['/harvest', '/harvest.md', '/harvest.csv']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/events/${event.code}${path}`,
        headers: auth(event.screen),
      });
      expect(res.statusCode, path).toBe(403);
    }
  });
});
