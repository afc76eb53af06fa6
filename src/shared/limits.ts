// Limits the server enforces and the forms show before anyone submits; no imports.

export const LIMITS = {
  title: 120,
  displayName: 60,
  organisation: 100,
  contact: 200,
  tableLabel: 24,
  /** Interests one person may choose. */
  interests: 5,
  /** People one event can hold; it bounds what one join link can fill. */
  participants: 5000,
  tables: 1000,
  seatsMin: 2,
  seatsMax: 20,
  minutesPerRound: 120,
  plannedRounds: 20,
  /** Minutes one "extend" may add to the live round. */
  extendMinutes: 60,
  /** Simulated people one rehearsal fill may add. */
  rehearsal: 500,
  /** Characters of one takeaway for the table's harvest, and of a round's question per language. */
  takeaway: 140,
  question: 200,
} as const;
