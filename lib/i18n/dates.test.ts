import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { DATE_TIME_FORMATS, FORMATS } from "./dates";
import { routing, type AppLocale } from "./routing";

const SUNDAY = new Date("2026-12-06T10:00:00Z");
const formatter = (locale: AppLocale) => createFormatter({ locale, formats: FORMATS, timeZone: "Europe/Berlin" });
/** Digits of any script as ASCII: "۲۰۲۶" → "2026". */
const ascii = (text: string) => text.replace(/\p{Nd}/gu, (digit) => String(digitValue(digit)));
const digitValue = (digit: string) => {
  for (const zero of [0x30, 0x660, 0x6f0, 0x966, 0x9e6]) {
    const value = (digit.codePointAt(0) ?? 0) - zero;
    if (value >= 0 && value <= 9) return value;
  }
  throw new Error(`unknown digit ${digit}`);
};

describe("dates are Gregorian in every UI language", () => {
  it.each(["fa", "prs", "ps"] as const)("%s shows 6 December 2026, not 15 Azar/Qaws 1405", (locale) => {
    const format = formatter(locale);
    // Intl's own default for these locales is the Solar Hijri calendar: the test would pass
    // trivially if it were not.
    expect(ascii(new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(SUNDAY))).toContain("1405");
    for (const name of Object.keys(DATE_TIME_FORMATS) as (keyof typeof DATE_TIME_FORMATS)[]) {
      const text = ascii(format.dateTime(SUNDAY, name));
      expect(text, `${locale} ${name}: ${text}`).toContain("2026");
      expect(text).not.toContain("1405");
      expect(text).not.toMatch(/\bAP\b/);
    }
    expect(ascii(format.dateTime(SUNDAY, "dayLong"))).toMatch(/\b6\b/);
    // Digits stay the language's own.
    expect(format.dateTime(SUNDAY, "dayLong")).toContain("۲۰۲۶");
    expect(ascii(format.dateTimeRange(SUNDAY, new Date(SUNDAY.getTime() + 3_600_000), "meeting"))).toContain("2026");
  });

  it.each(routing.locales)("%s: every named format gives the Gregorian year", (locale) => {
    const format = formatter(locale);
    for (const name of Object.keys(DATE_TIME_FORMATS) as (keyof typeof DATE_TIME_FORMATS)[]) {
      expect(ascii(format.dateTime(SUNDAY, name))).toContain("2026");
    }
  });

  it("no page or component formats a date with its own options (they would miss the calendar)", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
          const text = readFileSync(path, "utf8");
          if (/dateTime(Range)?\([^)]*\{\s*(dateStyle|timeStyle|year|month|day)\b|toLocale(Date|Time)?String\(|new Intl\.DateTimeFormat\(\s*(locale|[a-z]+\.locale)/.test(text)) offenders.push(path);
        }
      }
    };
    for (const dir of ["app", "components", "lib"]) walk(dir);
    expect(offenders).toEqual([]);
  });
});
