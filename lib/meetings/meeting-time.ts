import { TZDate } from "@date-fns/tz";

/**
 * The municipality's zone: what staff type into `<input type="datetime-local">` is its wall
 * clock, whatever the server's zone. Stored as UTC, shown again in this zone (lib/i18n/request.ts).
 */
export const MEETING_TIME_ZONE = "Europe/Berlin";

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-03T18:30" in Europe/Berlin as an instant; null for anything else (or 30 February). */
export function fromLocalTime(value: string): Date | null {
  const match = LOCAL_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (hours > 23 || minutes > 59) return null;
  const zoned = TZDate.tz(MEETING_TIME_ZONE, year, month - 1, day, hours, minutes);
  if (zoned.getFullYear() !== year || zoned.getMonth() !== month - 1 || zoned.getDate() !== day) return null;
  return new Date(zoned.getTime());
}

/** An instant as the value of a datetime-local input in Europe/Berlin. */
export function toLocalTime(date: Date): string {
  const zoned = new TZDate(date.getTime(), MEETING_TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}T${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`;
}
