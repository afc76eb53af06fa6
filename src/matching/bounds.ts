/**
 * A lower bound on repeat encounters for a schedule where everyone attends every round:
 * the larger of the counting bound (each person meets at least Σ(size−1) seats' worth of people,
 * but only n−1 are new) and the pigeonhole bound (a table larger than the number of tables must
 * re-seat people who sat together in round 1, in every later round).
 */
export function repeatLowerBound(people: number, sizes: number[], rounds: number): number {
  if (rounds < 2 || sizes.length === 0) return 0;
  const smallest = Math.min(...sizes);
  const excessPerPerson = Math.max(0, rounds * (smallest - 1) - (people - 1));
  const counting = Math.ceil((people * excessPerPerson) / 2);
  const groups = sizes.length;
  const pigeon = sizes.reduce((sum, size) => {
    const base = Math.floor(size / groups);
    const extra = size % groups;
    return sum + (extra * ((base + 1) * base)) / 2 + ((groups - extra) * (base * (base - 1))) / 2;
  }, 0);
  return Math.max(counting, (rounds - 1) * pigeon);
}
