/** Thrown when the present people do not fit: the moderator can act on it by adding tables. */
export class CapacityError extends Error {
  readonly code = 'not_enough_seats';
  readonly people: number;
  readonly seats: number;

  constructor(people: number, seats: number) {
    super(
      `${people} people are present but the tables have only ${seats} seats: add tables or seats (at least ${people - seats} more seats).`,
    );
    this.name = 'CapacityError';
    this.people = people;
    this.seats = seats;
  }
}
