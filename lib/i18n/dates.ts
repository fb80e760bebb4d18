/**
 * Every date the UI shows goes through these named formats (`format.dateTime(date, "day")`),
 * passed to next-intl in `lib/i18n/request.ts`. All of them use the Gregorian calendar: Intl's
 * default for fa, prs and ps is the Solar Hijri one ("۱۵ قوس ۱۴۰۵"), while meeting dates,
 * letters and appointments in Germany are Gregorian. Month names and digits stay in the
 * language ("۶ دسمبر ۲۰۲۶"). Decision 028.
 */
export const DATE_TIME_FORMATS = {
  /** 6 Dec 2026 */
  day: { dateStyle: "medium", calendar: "gregory" },
  /** 6 December 2026 */
  dayLong: { dateStyle: "long", calendar: "gregory" },
  /** 6 Dec 2026, 11:00 */
  moment: { dateStyle: "medium", timeStyle: "short", calendar: "gregory" },
  /** Sunday, 6 December 2026, 11:00 (meetings) */
  meeting: { dateStyle: "full", timeStyle: "short", calendar: "gregory" },
  /** December 2026 */
  month: { year: "numeric", month: "long", calendar: "gregory" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export const FORMATS = { dateTime: DATE_TIME_FORMATS };
