import { csvCell } from './csv.js';
import { type EventState, peopleMet } from './event-state.js';

/** Everyone with their profile and table per round; contacts only where the person chose to share. */
export function eventCsv(state: EventState): string {
  const tableLabel = new Map(state.tables.map((t) => [t.id, t.label]));
  const header = ['name', 'organisation', 'role', 'stage', 'interests', 'presence', 'walk_in', 'contact'];
  const lines = [[...header, ...state.rounds.map((r) => `round_${r.number}`)].map(csvCell).join(',')];
  for (const p of state.participants) {
    const cells = [
      p.displayName,
      p.organisation,
      p.role,
      p.stage,
      p.interests.join(' '),
      p.presence,
      p.walkIn ? 'yes' : 'no',
      p.shareContact ? p.contact : null,
      ...state.rounds.map((r) => tableLabel.get(r.seats.get(p.id) ?? -1) ?? null),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The whole plan, round by round, name → table: the printed fallback when the Wi-Fi fails. */
/**
 * The whole evening for printing: the rounds played as played, then the forward plan's rounds,
 * marked planned (they may change when attendance changes). Per round name → table, alphabetical,
 * and per table who sits there in each round.
 */
export function seatingPlan(state: EventState) {
  const tableLabel = new Map(state.tables.map((t) => [t.id, t.label]));
  const names = new Map(state.participants.map((p) => [p.id, p.displayName]));
  const played = state.rounds.map((r) => ({ number: r.number, planned: false, seats: [...r.seats] }));
  // A finished evening has nothing left to plan: its print is what was played.
  const stored = state.event.status === 'finished' ? [] : (state.plan?.rounds ?? []);
  const planned = stored.map((round, i) => ({
    number: state.rounds.length + 1 + i,
    planned: true,
    seats: round.flatMap((t) => t.people.map((id) => [id, t.tableId] as [string, number])),
  }));
  const rounds = [...played, ...planned].map((r) => ({
    number: r.number,
    planned: r.planned,
    seats: r.seats.filter(([pid, tid]) => names.has(pid) && tableLabel.has(tid)),
  }));
  const byName = (a: string, b: string) => a.localeCompare(b, state.event.language);
  return {
    rounds: rounds.map((r) => ({
      number: r.number,
      planned: r.planned,
      seating: r.seats
        .map(([pid, tid]) => ({ name: names.get(pid)!, table: tableLabel.get(tid)! }))
        .sort((a, b) => byName(a.name, b.name)),
    })),
    tables: state.tables.map((t) => ({
      label: t.label,
      topic: t.topic,
      rounds: rounds.map((r) => ({
        number: r.number,
        planned: r.planned,
        names: r.seats
          .filter(([, tid]) => tid === t.id)
          .map(([pid]) => names.get(pid)!)
          .sort(byName),
      })),
    })),
  };
}

/** People I met who, like me, chose to share their contact. */
export function sharedContacts(state: EventState, participantId: string) {
  const me = state.participants.find((p) => p.id === participantId);
  if (!me?.shareContact) return [];
  const met = peopleMet(state, participantId);
  return state.participants
    .filter((p) => met.has(p.id) && p.shareContact && p.contact)
    .map((p) => ({ name: p.displayName, organisation: p.organisation, contact: p.contact! }));
}
