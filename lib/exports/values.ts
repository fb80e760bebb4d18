// How an export's values read for a council (docs/decisions/027-exports-a-council-can-read.md):
// codes in the words the UI uses, times on the municipality's clock.

/** The catalogues whose words stand for an export's codes (the same keys the UI uses). */
export type Catalogue = "kinds" | "statuses" | "perspectives" | "sources" | "categories" | "moderationTypes" | "phases";

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(date: Date, timeZone: string): Parts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value])) as Parts;
  return parts;
}

/** "2026-03-01 14:05", the municipality's local time: what a spreadsheet reads as a date and time. */
export function localDateTimeText(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * The municipality's wall-clock time as a Date whose UTC fields hold it: spreadsheets have no
 * time zones, so an XLSX date cell shows exactly these fields.
 */
export function localWallClock(date: Date, timeZone: string): Date {
  const p = partsIn(date, timeZone);
  return new Date(Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second));
}

/** RFC 3339 with the municipality's offset at that moment, e.g. "2026-03-01T14:05:00+01:00". */
export function isoInTimeZone(date: Date, timeZone: string): string {
  const wall = localWallClock(date, timeZone);
  const offsetMinutes = Math.round((wall.getTime() - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${wall.toISOString().slice(0, 19)}${offset}`;
}
