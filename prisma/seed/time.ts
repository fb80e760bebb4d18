// Demo dates are relative to the day the seed runs, so a fresh demo always has a dialogue that
// is collecting right now, invitations that still work and a dialogue that closed last year.
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type Clock = {
  now: Date;
  /** `day` days from today (negative: in the past), at `hour` o'clock UTC. */
  at: (day: number, hour?: number) => Date;
  /** A calendar date for `@db.Date` columns. */
  date: (day: number) => Date;
};

export function clockAt(now: Date): Clock {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    now,
    at: (day, hour = 10) => new Date(midnight + day * DAY_MS + hour * HOUR_MS),
    date: (day) => new Date(midnight + day * DAY_MS),
  };
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}
