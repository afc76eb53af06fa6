/** A round's seating from the moderator state (grouped per table) as one entry per person. */
export function flatSeating(round: { seating: { tableId: number; people: string[] }[] }) {
  return round.seating.flatMap((t) =>
    t.people.map((participantId) => ({ participantId, tableId: t.tableId })),
  );
}
