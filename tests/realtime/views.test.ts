import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auth, type CreatedEvent, createEvent, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { row } from '../helpers/rows.js';
import { listen, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let url: string;
let event: CreatedEvent;
beforeEach(async () => {
  t = await createTestApp();
  url = (await listen(t.app)).url;
  event = await createEvent(t.app, { tables: { count: 5, seats: 4 } });
});
afterEach(async () => t.close());

const hello = {
  moderator: () => ({ type: 'hello', role: 'moderator', code: event.code, secret: event.moderator }),
  screen: () => ({ type: 'hello', role: 'screen', code: event.code, secret: event.screen }),
};

async function connected(message: object) {
  const socket = await TestSocket.open(url);
  socket.send(message);
  await socket.next('snapshot');
  return socket;
}

describe('views per audience', () => {
  it('push a round start to every phone with the table the moderator sees, and nothing they may not see', async () => {
    const people: { participantId: string; token: string }[] = [];
    for (let i = 0; i < 14; i++) {
      people.push(
        await join(t.app, event.code, {
          displayName: `P${i}`,
          organisation: `Secret Org ${i}`,
          contact: `p${i}@example.org`,
          shareContact: true,
          interests: i % 2 ? ['governance', 'lizenzen'] : ['governance'],
        }),
      );
    }
    const phones = await Promise.all(
      people.map((p) => connected({ type: 'hello', role: 'participant', token: p.token })),
    );
    const screen = await connected(hello.screen());
    const moderator = await connected(hello.moderator());
    const marks = phones.map((p) => p.messages.length);
    const screenMark = screen.messages.length;

    const start = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    expect(start.statusCode).toBe(201);
    const state = await moderatorState(t.app, event);
    const labelOf = (id: number) => state.tables.find((x: { id: number }) => x.id === id).label;

    for (const [i, phone] of phones.entries()) {
      const snapshot = await phone.next('snapshot', (m) => m.role === 'participant' && m.view.seat !== null, {
        from: marks[i],
      });
      const view = snapshot.view as {
        seat: {
          table: { label: string };
          mates: { name: string }[];
          sharedInterests: string[];
          starter: { de: string; en: string } | null;
        };
        round: { endsAt: number };
      };
      const mine = state.participants.find((p: { id: string }) => p.id === people[i]!.participantId);
      expect(view.seat.table.label).toBe(labelOf(mine.tableId));
      expect(view.round.endsAt).toBe(state.round.endsAt);
      expect(view.seat.sharedInterests).toContain('governance');
      expect(view.seat.starter).toBeTruthy();
      const text = JSON.stringify(phone.messages);
      for (const other of people) expect(text).not.toContain(other.token);
      expect(text).not.toMatch(/[0-9a-f]{64}/);
      for (let j = 0; j < 14; j++) if (j !== i) expect(text).not.toContain(`p${j}@example.org`);
    }

    const screenSnapshot = await screen.next(
      'snapshot',
      (m) => m.role === 'screen' && (m.view as { seating: unknown[] }).seating.length > 0,
      {
        from: screenMark,
      },
    );
    const seating = (screenSnapshot.view as { seating: { name: string; table: string }[] }).seating;
    expect(seating).toHaveLength(14);
    expect(seating.map((s) => s.name)).toEqual(
      [...seating.map((s) => s.name)].sort((a, b) => a.localeCompare(b, 'de')),
    );
    const screenText = JSON.stringify(screen.messages);
    expect(screenText).not.toContain('Secret Org');
    expect(screenText).not.toContain('@example.org');
    expect(screenText).not.toContain(event.moderator);

    const modText = JSON.stringify(moderator.messages);
    expect(modText).not.toContain('@example.org');
    expect(modText).not.toMatch(/[0-9a-f]{64}/);
    for (const p of people) expect(modText).not.toContain(p.token);
  });

  it('keeps versions rising and does not resend an unchanged view', async () => {
    const { token } = await join(t.app, event.code);
    const phone = await connected({ type: 'hello', role: 'participant', token });
    const moderator = await connected(hello.moderator());
    // Another person joining changes the moderator's view, not this phone's.
    await join(t.app, event.code);
    // A small change reaches the console as a patch of what changed, a larger one as a snapshot.
    const change = await vi.waitFor(
      () => {
        const m = moderator.messages.slice(1).find((x) => x.type === 'snapshot' || x.type === 'patch');
        if (!m || (m.type !== 'snapshot' && m.type !== 'patch')) throw new Error('no change pushed yet');
        return m;
      },
      { timeout: 60_000, interval: 20 },
    );
    // A barrier instead of a pause: a push to this phone would be on its socket before the pong.
    phone.send({ type: 'ping' });
    await phone.next('pong');
    expect(phone.messages.filter((m) => m.type === 'snapshot')).toHaveLength(1);
    const first = moderator.messages.find((m) => m.type === 'snapshot');
    expect(first?.type === 'snapshot' && change.version > first.version).toBe(true);
  });

  it('tells a phone when its person is erased, and the screen drops the name', async () => {
    const { token } = await join(t.app, event.code, { displayName: 'Gone Soon' });
    const phone = await connected({ type: 'hello', role: 'participant', token });
    const screen = await connected(hello.screen());
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    await screen.next('snapshot', (m) => JSON.stringify(m).includes('Gone Soon'));
    const mark = screen.messages.length;
    await t.app.inject({ method: 'DELETE', url: '/api/me', headers: auth(token) });
    await phone.next('erased');
    expect((await phone.closedWith()).code).toBe(4004);
    const after = await screen.next('snapshot', () => true, { from: mark });
    expect(JSON.stringify(after)).not.toContain('Gone Soon');
  });

  it('pushes the end of a round when the server timer fires', async () => {
    await join(t.app, event.code);
    await join(t.app, event.code);
    const screen = await connected(hello.screen());
    await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.code}`,
      headers: auth(event.moderator),
      payload: { minutesPerRound: 1 },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.code}/rounds`,
      headers: auth(event.moderator),
    });
    await screen.next('snapshot', (m) => (m.view as { phase: string }).phase === 'round');
    // The round ends at clock + 60 s: move the injected clock past it; any change re-arms the timer
    // against that clock, so it fires at once instead of in a real minute.
    t.clock.advance(61_000);
    t.app.changes.changed(await idOf());
    const ended = await screen.next('snapshot', (m) => (m.view as { phase: string }).phase === 'between');
    expect(ended.view).toMatchObject({ round: null, roundsPlayed: 1 });
  });
});

async function idOf(): Promise<string> {
  return (await row<{ id: string }>(t.app, 'select id from events'))!.id;
}
