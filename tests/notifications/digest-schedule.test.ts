// The in-app schedule sends at DIGEST_HOUR local time: the wait is until the next such hour.
import { describe, expect, it } from "vitest";
import { untilNextHour } from "@/lib/notifications/digest-schedule";

const HOUR = 60 * 60 * 1000;

describe("untilNextHour", () => {
  it("waits until today's hour when it is still ahead, otherwise tomorrow's", () => {
    expect(untilNextHour(new Date(2026, 10, 24, 5, 30), 7)).toBe(1.5 * HOUR);
    expect(untilNextHour(new Date(2026, 10, 24, 7, 0), 7)).toBe(24 * HOUR);
    expect(untilNextHour(new Date(2026, 10, 24, 8, 0), 7)).toBe(23 * HOUR);
  });
});
