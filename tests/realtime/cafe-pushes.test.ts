import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModeratorView } from '../../src/domain/views.js';
import { auth } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { asModerator, asPhone, endRound, eventWithLiveRound } from '../helpers/cafe.js';
import { listen, TestSocket } from '../helpers/ws.js';

let t: TestApp;
let url: string;
beforeEach(async () => {
  t = await createTestApp();
  url = (await listen(t.app)).url;
});
afterEach(async () => t.close());

// Generous: the machine running the suite may be busy; a push that never comes still fails.
const WAIT = { timeoutMs: 30_000 };

async function connected(message: object) {
  const socket = await TestSocket.open(url);
  socket.send(message);
  await socket.next('snapshot', () => true, WAIT);
  return socket;
}

/** The console gets patches after its first snapshot; a changed `cafe` comes whole in `set`. */
const cafeIn = (m: { patch: { set: Record<string, unknown> } }) =>
  m.patch.set.cafe as ModeratorView['cafe'] | undefined;

describe('World Café pushes', () => {
  it("push a takeaway to its table's phones and the console, a hide to both, and never the writer", async () => {
    const { event, people } = await eventWithLiveRound(t, 8);
    const [writer, ...rest] = people;
    const mate = rest.find((p) => p.tableId === writer!.tableId)!;
    const other = rest.find((p) => p.tableId !== writer!.tableId)!;
    const matePhone = await connected({ type: 'hello', role: 'participant', token: mate.token });
    const otherPhone = await connected({ type: 'hello', role: 'participant', token: other.token });
    const console_ = await connected({
      type: 'hello',
      role: 'moderator',
      code: event.code,
      secret: event.moderator,
    });
    const screen = await connected({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    const otherMark = otherPhone.messages.length;
    const before = matePhone.messages.findLast((m) => m.type === 'snapshot');

    expect(
      (await asPhone(t, writer!.token, 'POST', '/takeaways', { text: 'Gemeinsam beschaffen' })).statusCode,
    ).toBe(201);
    const pushed = await matePhone.next(
      'snapshot',
      (m) => m.role === 'participant' && m.view.cafe.harvest?.items.includes('Gemeinsam beschaffen') === true,
      WAIT,
    );
    // Only the harvest changed for the mate: nothing else in the push points at who wrote it.
    if (before?.type !== 'snapshot' || before.role !== 'participant') throw new Error('no earlier view');
    expect({ ...pushed.view, cafe: null }).toEqual({ ...before.view, cafe: null });
    expect(JSON.stringify(pushed.view.cafe)).not.toContain(writer!.participantId);
    const seen = await console_.next('patch', (m) => cafeIn(m)?.harvest.length === 1, WAIT);
    const cafe = cafeIn(seen)!;
    const item = cafe.harvest[0]!.tables[0]!.items[0]!;
    expect(item).toEqual({ id: expect.any(Number), text: 'Gemeinsam beschaffen', hidden: false });
    expect(JSON.stringify(cafe)).not.toContain(writer!.participantId);

    // The other table's phone got no push for it: its view did not change.
    await asModerator(t, event, 'PUT', '/questions/1', { de: 'Was nehmt ihr mit?', en: null });
    const withQuestion = await otherPhone.next(
      'snapshot',
      (m) => m.role === 'participant' && m.view.cafe.question?.de === 'Was nehmt ihr mit?',
      { ...WAIT, from: otherMark },
    );
    expect(otherPhone.messages.slice(otherMark).filter((m) => m.type === 'snapshot')).toEqual([withQuestion]);
    await screen.next(
      'snapshot',
      (m) => m.role === 'screen' && m.view.cafe.question?.de === 'Was nehmt ihr mit?',
      WAIT,
    );

    const mark = matePhone.messages.length;
    expect((await asModerator(t, event, 'PATCH', `/takeaways/${item.id}`, { hidden: true })).statusCode).toBe(
      200,
    );
    await matePhone.next(
      'snapshot',
      (m) =>
        m.role === 'participant' &&
        m.view.cafe.harvest?.items.length === 0 &&
        m.view.cafe.harvest.count === 1,
      { ...WAIT, from: mark },
    );
    await console_.next('patch', (m) => cafeIn(m)?.harvest[0]?.tables[0]?.items[0]?.hidden === true, WAIT);
    for (const socket of [matePhone, otherPhone, console_, screen]) socket.close();
  });

  it('asks phones for feedback when the round ends and puts the wall on the screen', async () => {
    const { event, people } = await eventWithLiveRound(t, 4);
    const phone = await connected({ type: 'hello', role: 'participant', token: people[0]!.token });
    const screen = await connected({ type: 'hello', role: 'screen', code: event.code, secret: event.screen });
    await asPhone(t, people[1]!.token, 'POST', '/takeaways', { text: 'Mehr davon' });
    await endRound(t, event);
    await phone.next(
      'snapshot',
      (m) =>
        m.role === 'participant' && m.view.cafe.feedback?.given === false && m.view.cafe.feedback.round === 1,
      WAIT,
    );
    await asPhone(t, people[0]!.token, 'POST', '/feedback', { face: 'okay' });
    await phone.next(
      'snapshot',
      (m) => m.role === 'participant' && m.view.cafe.feedback?.given === true,
      WAIT,
    );

    const wall = await t.app.inject({
      method: 'PUT',
      url: `/api/events/${event.code}/harvest-wall`,
      headers: auth(event.moderator),
      payload: { round: 1 },
    });
    expect(wall.statusCode).toBe(200);
    const shown = await screen.next(
      'snapshot',
      (m) => m.role === 'screen' && m.view.cafe.wall !== null,
      WAIT,
    );
    if (shown.role !== 'screen') throw new Error('not the screen');
    expect(shown.view.cafe.wall!.rounds[0]!.tables.flatMap((x) => x.items)).toEqual(['Mehr davon']);
    // The screen never learns anything about feedback before the recap.
    expect(shown.view.cafe.recap).toBeNull();
    phone.close();
    screen.close();
  });
});
