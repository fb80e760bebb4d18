import { describe, expect, it } from "vitest";
import { isoInTimeZone, localDateTimeText, localWallClock } from "./values";

describe("times on the municipality's clock", () => {
  it.each([
    ["winter in Berlin", "2026-01-15T11:05:30Z", "Europe/Berlin", "2026-01-15 12:05", "2026-01-15T12:05:30+01:00"],
    ["summer in Berlin", "2026-07-15T11:05:30Z", "Europe/Berlin", "2026-07-15 13:05", "2026-07-15T13:05:30+02:00"],
    ["past midnight", "2026-12-31T23:30:00Z", "Europe/Berlin", "2027-01-01 00:30", "2027-01-01T00:30:00+01:00"],
    ["behind UTC", "2026-03-01T02:00:00Z", "America/New_York", "2026-02-28 21:00", "2026-02-28T21:00:00-05:00"],
  ])("%s", (_case, instant, zone, text, iso) => {
    const date = new Date(instant);
    expect(localDateTimeText(date, zone)).toBe(text);
    expect(isoInTimeZone(date, zone)).toBe(iso);
    expect(new Date(isoInTimeZone(date, zone)).getTime()).toBe(date.getTime());
    expect(localWallClock(date, zone).toISOString().slice(0, 16).replace("T", " ")).toBe(text);
  });
});
