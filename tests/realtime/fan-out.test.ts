import { describe, expect, it } from 'vitest';
import type { AudienceViews } from '../../src/realtime/audience.js';
import type { Connection } from '../../src/realtime/connection.js';
import { FanOuts, SOCKETS_PER_TURN } from '../../src/realtime/fan-out.js';
import type { FrameBatch } from '../../src/realtime/frames.js';

const socket = (name: string, role: 'participant' | 'screen' | 'moderator') =>
  ({ name, version: -1, subscription: { role, eventId: 'e', participantId: null } }) as unknown as Connection;

describe('a fan-out', () => {
  it('sends the phones first, a slice per turn, then builds each shared view in a turn of its own', async () => {
    const events: string[] = [];
    const phones = Array.from({ length: SOCKETS_PER_TURN + 3 }, (_, i) =>
      socket(`phone ${i}`, 'participant'),
    );
    const others = [socket('screen', 'screen'), socket('moderator', 'moderator')];
    // A mark queued in a turn runs before anything the fan-out queues after it: it shows the turns.
    const mark = (what: string) => () => {
      events.push(what);
      setImmediate(() => events.push('next turn'));
    };
    const done = new Promise<void>((resolve) => {
      new FanOuts((error) => {
        throw error;
      }).start(
        'e',
        true,
        { phones, others, warmups: [mark('screen view'), mark('moderator view'), mark('moderator patch')] },
        { version: 1 } as AudienceViews,
        {} as FrameBatch,
        (connection) => {
          const { name } = connection as unknown as { name: string };
          events.push(name.startsWith('phone') ? 'phone' : name);
          if (name === 'phone 0' || name === `phone ${SOCKETS_PER_TURN}`)
            setImmediate(() => events.push('next turn'));
          if (name === 'moderator') resolve();
        },
      );
    });
    await done;
    // Runs of phones as counts: [250 phones] next turn [3 phones] next turn …
    const runs: (string | number)[] = [];
    for (const e of events) {
      if (e === 'phone' && typeof runs.at(-1) === 'number')
        runs[runs.length - 1] = (runs.at(-1) as number) + 1;
      else runs.push(e === 'phone' ? 1 : e);
    }
    expect(runs).toEqual([
      SOCKETS_PER_TURN,
      'next turn',
      3,
      'next turn',
      'screen view',
      'next turn',
      'moderator view',
      'next turn',
      'moderator patch',
      'next turn',
      'screen',
      'moderator',
    ]);
  });
});
