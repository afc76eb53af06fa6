import type { ParticipantRow } from '../db/schema/index.js';
import type { EventState } from './event-state.js';

/** At most this many answers to one name search: enough to pick from, too few to list the room. */
export const PEOPLE_SEARCH_LIMIT = 8;
/** Fewer letters than this find nobody: "a" would list half the room. */
export const PEOPLE_SEARCH_MIN_LETTERS = 2;

// Case and accents do not matter when a person looks someone up: "muller" finds "Müller".
const foldName = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();

const inTheRoom = (p: ParticipantRow) => p.presence === 'present' || p.presence === 'break';

function entry(state: EventState, meId: string, p: ParticipantRow) {
  return {
    id: p.id,
    name: p.displayName,
    organisation: p.organisation,
    known: state.knownPairs.some(([by, other]) => by === meId && other === p.id),
  };
}

/**
 * People in the room whose name has a word starting with what was typed (as the venue screen lists
 * them), so a newcomer can say whom they already know. Never oneself; at most PEOPLE_SEARCH_LIMIT.
 */
export function searchPeople(state: EventState, meId: string, query: string) {
  const wanted = foldName(query);
  if (wanted.replace(/[^\p{L}\p{N}]/gu, '').length < PEOPLE_SEARCH_MIN_LETTERS) return [];
  const matches = state.participants.filter((p) => {
    if (p.id === meId || !inTheRoom(p)) return false;
    const name = foldName(p.displayName);
    return name.startsWith(wanted) || name.includes(` ${wanted}`) || name.includes(`-${wanted}`);
  });
  return matches
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'))
    .slice(0, PEOPLE_SEARCH_LIMIT)
    .map((p) => entry(state, meId, p));
}

/** The people I said I already know (only I see this list), whether or not they are still here. */
export function peopleIKnow(state: EventState, meId: string) {
  const mine = new Set(state.knownPairs.filter(([by]) => by === meId).map(([, other]) => other));
  return state.participants
    .filter((p) => mine.has(p.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'))
    .map((p) => entry(state, meId, p));
}
