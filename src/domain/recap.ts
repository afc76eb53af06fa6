import type { EventState } from './event-state.js';

/** The finished event in figures for the venue screen: counts only, no names. */
export function eventRecap(state: EventState) {
  let conversations = 0;
  const met = new Map<string, Set<string>>();
  for (const round of state.rounds) {
    const byTable = new Map<number, string[]>();
    for (const [pid, tid] of round.seats) byTable.set(tid, [...(byTable.get(tid) ?? []), pid]);
    for (const ids of byTable.values()) {
      // A conversation is one table in one round with at least two people at it.
      if (ids.length >= 2) conversations += 1;
      for (const id of ids) {
        const mine = met.get(id) ?? new Set<string>();
        for (const other of ids) if (other !== id) mine.add(other);
        met.set(id, mine);
      }
    }
  }
  const sizes = [...met.values()].map((s) => s.size);
  const peopleMetAverage = sizes.length === 0 ? 0 : sizes.reduce((a, b) => a + b, 0) / sizes.length;
  return {
    rounds: state.rounds.length,
    conversations,
    people: met.size,
    peopleMetAverage: Math.round(peopleMetAverage * 10) / 10,
  };
}
