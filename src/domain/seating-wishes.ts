import type { TableFeature } from '../db/schema/constants.js';
import type { EventTableRow, ParticipantRow } from '../db/schema/index.js';
import type { Round } from '../matching/types.js';
import type { EventState } from './event-state.js';

/** Whether a table offers everything a person asked for. */
export function tableSuits(table: Pick<EventTableRow, 'features'>, needs: TableFeature[]): boolean {
  return needs.every((need) => table.features.includes(need));
}

const wantsPin = (p: ParticipantRow) => p.presence === 'present' && (p.staySeated || p.tableNeeds.length > 0);

/**
 * Who stays at which table this round: hosts first, then people who asked to stay seated or for a
 * step-free or quiet table. Each of those is pinned like a host (the engine keeps them at their table
 * and rotates everyone else around them): at the table they sat at before if it still suits them, else
 * the first free table that suits them. One pinned person per table; people left over are `unmet`.
 */
export function tablePins(state: EventState): { pins: Map<number, string>; unmet: ParticipantRow[] } {
  const pins = new Map<number, string>();
  const pinned = new Set<string>();
  for (const t of state.tables) {
    if (t.hostParticipantId) {
      pins.set(t.id, t.hostParticipantId);
      pinned.add(t.hostParticipantId);
    }
  }
  const unmet: ParticipantRow[] = [];
  const asking = state.participants.filter((p) => wantsPin(p) && !pinned.has(p.id));
  // People who need a kind of table choose first: they have fewer tables to choose from.
  asking.sort((a, b) => b.tableNeeds.length - a.tableNeeds.length);
  for (const person of asking) {
    const free = state.tables.filter(
      (t) => !pins.has(t.id) && t.seats > 0 && tableSuits(t, person.tableNeeds),
    );
    const before = lastTableOf(state, person.id);
    const table = free.find((t) => t.id === before) ?? free[0];
    if (!table) {
      unmet.push(person);
      continue;
    }
    pins.set(table.id, person.id);
    pinned.add(person.id);
  }
  return { pins, unmet };
}

function lastTableOf(state: EventState, participantId: string): number | undefined {
  for (let i = state.rounds.length - 1; i >= 0; i--) {
    const table = state.rounds[i]!.seats.get(participantId);
    if (table !== undefined) return table;
  }
  return undefined;
}

/** Pairs who said they know each other, as one pseudo-round of two-person tables: they count as met. */
export function knownPairsRound(state: EventState): Round[] {
  return state.knownPairs.length > 0 ? [state.knownPairs.map(([a, b]) => [a, b])] : [];
}
