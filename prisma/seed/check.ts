/** A mistake in the declared demo data, caught before the database would refuse it less clearly. */
export class SeedDataError extends Error {}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new SeedDataError(message);
}
