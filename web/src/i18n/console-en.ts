import type { ConsoleDictionary } from './console-de.js';

/** English texts of the console and the start page, with exactly the keys of console-de.ts. */
export const consoleEn: ConsoleDictionary = {
  rounds: {
    notLive: (played: number, planned: number) =>
      played > planned
        ? `${played} rounds played (${planned} planned).`
        : `${played} of ${planned} rounds played.`,
    extraLive: (n: number) => `Extra round (round ${n}) is running.`,
    startExtra: (n: number) => `Start extra round ${n} …`,
    extraConfirm: (planned: number) =>
      `All ${planned} planned rounds have been played. Start an extra round? Phones and the screen show it as an extra round.`,
    extraYes: (n: number) => `Yes, start extra round ${n}`,
    endConfirm: (n: number) =>
      `End round ${n} for everyone now? Phones and the screen then show “The next round starts soon”.`,
    endYes: 'Yes, end the round',
    allPlayedHeading: 'All planned rounds have been played',
    allPlayed: 'Finish the event now: only then do participants see the contacts of the people they met.',
  },
  people: {
    search: 'Search (name or organisation)',
    all: 'all',
    noSeat: 'no seat',
    sort: 'Sort by',
    sortName: 'name',
    sortJoined: 'latest joined',
    sortTable: 'table',
    showing: (n: number, total: number) => `${n} of ${total} shown`,
    noMatch: 'Nobody matches the search and filters.',
    change: 'Change',
    close: 'Close',
    joinedAt: (time: string) => `joined ${time}`,
    duplicate: 'same name twice',
    tableFill: (label: string, seated: number, seats: number) => `${label} (${seated}/${seats})`,
    remove: 'Remove person …',
    removeConfirm: (name: string) =>
      `${name} is erased at once: from the list, from the rounds and from the screen. This cannot be undone.`,
    removeYes: 'Yes, remove for good',
    removed: (name: string) => `${name} has been removed.`,
  },
  settings: {
    rehearsalRemove: 'Remove all rehearsal people …',
    rehearsalRemoveConfirm: (n: number) =>
      `The ${n} simulated people of the rehearsal are removed. Real participants stay.`,
    rehearsalRemoveYes: 'Yes, remove all rehearsal people',
    rehearsalRemoved: (n: number) => `${n} rehearsal people have been removed.`,
  },
  tables: {
    changeHost: 'Change',
    addCount: 'How many at once',
    addTables: (n: number) => `Add ${n} tables`,
  },
  tableCards: {
    heading: (title: string) => `Table cards: ${title}`,
    open: 'Print table cards',
    topic: (topic: string) => `Topic: ${topic}`,
    host: (name: string) => `Host: ${name}`,
    join: 'Not joined yet? Scan the QR code or open:',
  },
  matching: {
    weightsHint:
      'The higher the number, the more the seating cares about that goal (0 = not at all, at most 1000). An empty field keeps the default: keep colleagues apart 1000, mix roles 10, mix stages 9, shared interest 8, topic tables 3. Avoiding repeat encounters always comes first.',
    presetLegend: 'What should the seating care about? New encounters always come first.',
    presets: {
      balanced: {
        title: 'Balanced (recommended)',
        hint: 'Colleagues sit apart, then roles and stages are mixed, then shared interests are sought.',
      },
      mixRoles: {
        title: 'Mix roles strongly',
        hint: 'Administration, companies, community and research at every table where possible; colleagues stay apart.',
      },
      interests: {
        title: 'Shared interests first',
        hint: 'Everyone sits with someone who shares an interest; the mix comes after that.',
      },
      topics: {
        title: 'Prefer topic tables',
        hint: 'People who chose a topic preferably sit at the table for that topic.',
      },
      colleaguesTogether: {
        title: 'Colleagues may sit together',
        hint: 'For internal events: the organisation does not matter.',
      },
      custom: { title: 'Own weights (advanced)', hint: 'Set each goal as a number.' },
    },
  },
};
