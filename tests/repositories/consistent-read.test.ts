import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/handle.js';
import { committedState, eventVersion } from '../../src/repositories/event-state.js';
import { createEvent, eventIdOf, join } from '../helpers/api.js';
import { createTestApp, sqliteOf, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/**
 * The reader's handle, with a commit on the writing connection landing just before each of its
 * selects that `landsBefore` picks (counted from 0): what a busy room does to a read between two of
 * its statements.
 */
function commitsAmidReads(
  eventId: string,
  participantId: string,
  landsBefore: (select: number) => boolean,
): Db {
  const writer = sqliteOf(t.app).writer;
  const rename = writer.prepare('update participants set display_name = ? where id = ?');
  const raise = writer.prepare('update events set version = version + 1 where id = ?');
  const commit = writer.transaction((name: string) => {
    rename.run(name, participantId);
    raise.run(eventId);
  });
  let selects = 0;
  return new Proxy(t.app.db, {
    get(target, property, receiver) {
      if (property === 'select' && landsBefore(selects++)) commit(`Renamed ${selects}`);
      return Reflect.get(target, property, receiver);
    },
  });
}

describe('the committed state read outside a transaction', () => {
  it('is read again when a commit lands between its statements, never a mix of two versions', async () => {
    const event = await createEvent(t.app);
    const { participantId } = await join(t.app, event.code, { displayName: 'Ada' });
    const eventId = await eventIdOf(t.app, event.code);

    const state = (await committedState(
      commitsAmidReads(eventId, participantId, (select) => select === 1),
      eventId,
    ))!;

    // The first read saw the event row before the commit and the people after it: it is thrown away.
    expect(state.event.version).toBe(await eventVersion(t.app.db, eventId));
    expect(state.participants.find((p) => p.id === participantId)!.displayName).toBe('Renamed 2');
  });

  it('gives up with an error rather than answer when every read is undone by a commit', async () => {
    const event = await createEvent(t.app);
    const { participantId } = await join(t.app, event.code);
    const eventId = await eventIdOf(t.app, event.code);

    await expect(
      committedState(
        commitsAmidReads(eventId, participantId, () => true),
        eventId,
      ),
    ).rejects.toThrow(/changed during each of 5 reads/);
    // The room calms down: the next reader gets the state as it stands.
    const state = (await committedState(t.app.db, eventId))!;
    expect(state.event.version).toBe(await eventVersion(t.app.db, eventId));
  });
});
