// The iCalendar export: valid RFC 5545 (parsed back with ical.js), times in UTC, and what
// people typed (commas, semicolons, line breaks) escaped rather than breaking the file.
import ICAL from "ical.js";
import { describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ viewer: null as import("@/lib/policy/policy").Viewer | null }));
vi.mock("@/lib/auth/get-viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/get-viewer")>()),
  getViewer: async () => session.viewer,
}));

const { db } = await import("@/lib/db/client");
const { createMeeting } = await import("@/lib/meetings/create-meeting");
const { listMeetings } = await import("@/lib/meetings/list-meetings");
const { meetingCalendar } = await import("@/lib/meetings/meeting-calendar");
const { GET } = await import("@/app/[locale]/[municipality]/[dialogue]/meetings/calendar.ics/route");
const { createDialogue, createMeeting: insertMeeting } = await import("@/tests/support/factories");
const { dialogueIn } = await import("@/tests/support/participation");
const { hostOf, meetingInput } = await import("@/tests/support/meetings");

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((event) => ({
    uid: String(event.getFirstPropertyValue("uid")),
    summary: String(event.getFirstPropertyValue("summary")),
    location: String(event.getFirstPropertyValue("location")),
    description: event.getFirstPropertyValue("description"),
    start: event.getFirstPropertyValue("dtstart") as ICAL.Time,
    end: event.getFirstPropertyValue("dtend") as ICAL.Time,
  }));
}

async function paths(dialogue: { id: string; municipalityId: string; slug: string }) {
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
  return { locale: "de", municipality: municipality.slug, dialogue: dialogue.slug };
}

const request = (params: { locale: string; municipality: string; dialogue: string }, query = "") =>
  GET(new Request(`http://mitreden.test/${params.locale}/${params.municipality}/${params.dialogue}/meetings/calendar.ics${query}`), {
    params: Promise.resolve(params),
  });

describe("meetingCalendar", () => {
  it("writes each meeting as an event with its title, UTC start and end, place and description, escaping what people typed", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const host = await hostOf(dialogue);
    const tricky = await createMeeting(
      host,
      meetingInput(dialogue.id, {
        title: "Treffen: Wohnen, WLAN; Nachbarschaft",
        place: "Stadtteilzentrum West, Saal 2\nEingang Hofseite",
        description: "Mit Kinderbetreuung, Dolmetschung (ar; fa)\nBitte pünktlich",
      }),
    );
    const plain = await createMeeting(host, meetingInput(dialogue.id, { title: "Sprechstunde", startsAt: "2027-07-01T09:00", endsAt: undefined }));
    const { upcoming, past } = await listMeetings(null, { dialogueId: dialogue.id }, new Date("2026-11-01T00:00:00Z"));
    const text = meetingCalendar({ name: "Wohnen", url: "https://mitreden.test/de/k/d/meetings", host: "mitreden.test", meetings: [...upcoming, ...past] });

    // Escaped on the wire (RFC 5545, 3.3.11), so a comma or line break never splits a value.
    expect(text).toContain("SUMMARY:Treffen: Wohnen\\, WLAN\\; Nachbarschaft");
    expect(text).toContain("LOCATION:Stadtteilzentrum West\\, Saal 2\\nEingang Hofseite");
    expect(text).toMatch(/^DTSTART:20261203T173000Z\r?$/m);

    const [first, second] = events(text);
    expect(first).toMatchObject({
      uid: `${tricky.id}@mitreden.test`,
      summary: "Treffen: Wohnen, WLAN; Nachbarschaft",
      location: "Stadtteilzentrum West, Saal 2\nEingang Hofseite",
      description: "Mit Kinderbetreuung, Dolmetschung (ar; fa)\nBitte pünktlich",
    });
    expect(first!.start.zone?.tzid).toBe("UTC");
    expect(first!.start.toJSDate()).toEqual(new Date("2026-12-03T17:30:00Z"));
    expect(first!.end.toJSDate()).toEqual(new Date("2026-12-03T19:00:00Z"));
    // Without an end, calendars get two hours.
    expect(second).toMatchObject({ uid: `${plain.id}@mitreden.test`, summary: "Sprechstunde" });
    expect(second!.start.toJSDate()).toEqual(new Date("2027-07-01T07:00:00Z"));
    expect(second!.end.toJSDate()).toEqual(new Date("2027-07-01T09:00:00Z"));
  });
});

describe("GET …/meetings/calendar.ics", () => {
  it("answers text/calendar with every meeting of a published dialogue, or one with ?meeting=", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const a = await insertMeeting({ dialogueId: dialogue.id, title: "Erstes Treffen" });
    const b = await insertMeeting({ dialogueId: dialogue.id, title: "Zweites Treffen", startsAt: new Date(Date.now() + 14 * 86_400_000) });
    session.viewer = null;
    const params = await paths(dialogue);

    const all = await request(params);
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(events(await all.text()).map((event) => event.summary)).toEqual([a.title, b.title]);

    const one = await request(params, `?meeting=${b.id}`);
    expect(events(await one.text()).map((event) => event.summary)).toEqual([b.title]);
    expect((await request(params, `?meeting=${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("keeps a draft's meetings from the public, and gives them to its host team", async () => {
    const draft = await createDialogue();
    await insertMeeting({ dialogueId: draft.id, title: "Vorbereitungstreffen" });
    const params = await paths(draft);
    session.viewer = null;
    expect((await request(params)).status).toBe(404);
    session.viewer = await hostOf(draft);
    const response = await request(params);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(events(await response.text()).map((event) => event.summary)).toEqual(["Vorbereitungstreffen"]);
    expect((await request({ ...params, locale: "xx" })).status).toBe(404);
  });
});
