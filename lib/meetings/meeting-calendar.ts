import "server-only";
import ical from "ical-generator";
import type { MeetingView } from "./list-meetings";

/** Without an end, a meeting is put in calendars as two hours long. */
const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

/**
 * The meetings of a dialogue as an iCalendar file (RFC 5545, times in UTC). ical-generator
 * escapes commas, semicolons and line breaks in what people typed. `url` is the dialogue's
 * meetings page; each event's UID is the meeting id, so a re-import updates instead of
 * duplicating.
 */
export function meetingCalendar(input: { name: string; url: string; host: string; meetings: MeetingView[] }): string {
  const calendar = ical({ name: input.name, prodId: { company: "mitreden", product: "meetings" } });
  for (const meeting of input.meetings) {
    calendar.createEvent({
      id: `${meeting.id}@${input.host}`,
      start: meeting.startsAt,
      end: meeting.endsAt ?? new Date(meeting.startsAt.getTime() + DEFAULT_DURATION_MS),
      summary: meeting.title,
      description: meeting.description ?? undefined,
      location: meeting.place,
      url: input.url,
    });
  }
  return calendar.toString();
}
