// Meetings of a dialogue: the host team plans them; date and time are typed as the
// municipality's local time (Europe/Berlin) and stored as UTC; only the dialogue's languages.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMeeting, createMeetingInput } from "@/lib/meetings/create-meeting";
import { fromFormEncoding } from "@/lib/validation";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { fromLocalTime, toLocalTime } from "@/lib/meetings/meeting-time";
import { createDialogue, createMeeting as insertMeeting } from "@/tests/support/factories";
import { appErrorOf, fieldKeys } from "@/tests/support/viewers";
import { dialogueIn, participant } from "@/tests/support/participation";
import { hostOf, meetingInput, memberAs } from "@/tests/support/meetings";

describe("createMeeting", () => {
  it("stores the host team's meeting with Berlin wall-clock times as UTC, in winter and in summer", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const host = await hostOf(dialogue);
    const winter = await createMeeting(host, meetingInput(dialogue.id, { languages: ["ar", "de"] }));
    expect(await db.meeting.findUniqueOrThrow({ where: { id: winter.id } })).toMatchObject({
      dialogueId: dialogue.id,
      title: "Dialogcafé in der Unterkunft",
      startsAt: new Date("2026-12-03T17:30:00Z"),
      endsAt: new Date("2026-12-03T19:00:00Z"),
      place: "Gemeinschaftsunterkunft Am Lindenweg, Gemeinschaftsraum",
      // In the dialogue's order (de, ar, fa).
      languages: ["de", "ar"],
      interpretationOffered: true,
      description: null,
      createdById: host.id,
    });
    const summer = await createMeeting(host, meetingInput(dialogue.id, { startsAt: "2027-07-01T09:00", endsAt: undefined, interpretationOffered: false, languages: [] }));
    expect(await db.meeting.findUniqueOrThrow({ where: { id: summer.id } })).toMatchObject({
      startsAt: new Date("2027-07-01T07:00:00Z"),
      endsAt: null,
      languages: [],
      interpretationOffered: false,
    });
  });

  it("lets the co-host plan, and refuses participants, recorders, the signed-out and a closed dialogue", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const coHost = await memberAs(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE");
    await createMeeting(coHost, meetingInput(dialogue.id));
    expect((await appErrorOf(createMeeting(await participant(dialogue.id), meetingInput(dialogue.id)))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createMeeting(await memberAs(dialogue.id, "RECORDER"), meetingInput(dialogue.id)))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createMeeting(null, meetingInput(dialogue.id)))).code).toBe("UNAUTHENTICATED");
    const closed = await dialogueIn("CLOSED");
    expect((await appErrorOf(createMeeting(await hostOf(closed), meetingInput(closed.id)))).code).toBe("FORBIDDEN");
    expect(await db.meeting.count({ where: { dialogueId: { in: [dialogue.id, closed.id] } } })).toBe(1);
  });

  it("refuses missing fields, impossible dates, an end before the start and languages the dialogue does not have", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const host = await hostOf(dialogue);
    const empty = await appErrorOf(createMeeting(host, meetingInput(dialogue.id, { title: "  ", place: "", startsAt: "" })));
    expect(fieldKeys(empty, "title")).toEqual(["validation.required"]);
    expect(fieldKeys(empty, "place")).toEqual(["validation.required"]);
    expect(fieldKeys(empty, "startsAt")).toEqual(["validation.required"]);
    const impossible = await appErrorOf(createMeeting(host, meetingInput(dialogue.id, { startsAt: "2027-02-30T10:00", endsAt: "tomorrow" })));
    expect(fieldKeys(impossible, "startsAt")).toEqual(["validation.invalid"]);
    expect(fieldKeys(impossible, "endsAt")).toEqual(["validation.invalid"]);
    const backwards = await appErrorOf(createMeeting(host, meetingInput(dialogue.id, { endsAt: "2026-12-03T18:30" })));
    expect(fieldKeys(backwards, "endsAt")).toEqual(["meetings.endsBeforeStart"]);
    const foreign = await appErrorOf(createMeeting(host, meetingInput(dialogue.id, { languages: ["de", "uk"] })));
    expect(fieldKeys(foreign, "languages")).toEqual(["validation.invalid"]);
    expect(await db.meeting.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it("reads the form's checkboxes at the boundary: one per language, interpretation on or off, an empty end left out", () => {
    const posted = { title: "T", startsAt: "2026-12-03T18:30", endsAt: "", place: "P", "language-ar": "on", "language-fa": "on", interpretationOffered: "on" };
    const decoded = fromFormEncoding(createMeetingInput, posted);
    expect(decoded).toMatchObject({ languages: ["ar", "fa"], interpretationOffered: true });
    expect(decoded).not.toHaveProperty("endsAt");
    expect(fromFormEncoding(createMeetingInput, { title: "T" })).toMatchObject({ languages: [], interpretationOffered: false });
  });
});

describe("meeting times", () => {
  it("turns Berlin wall-clock times into instants and back, across the change to summer time", () => {
    expect(fromLocalTime("2027-03-27T12:00")).toEqual(new Date("2027-03-27T11:00:00Z"));
    expect(fromLocalTime("2027-03-28T12:00")).toEqual(new Date("2027-03-28T10:00:00Z"));
    expect(toLocalTime(new Date("2027-03-28T10:00:00Z"))).toBe("2027-03-28T12:00");
    expect(fromLocalTime("2027-13-01T12:00")).toBeNull();
    expect(fromLocalTime("2027-01-01T24:00")).toBeNull();
    expect(fromLocalTime("2027-01-01 12:00")).toBeNull();
  });
});

describe("listMeetings", () => {
  it("lists upcoming meetings soonest first, then past ones latest first", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const now = new Date("2026-12-01T12:00:00Z");
    const at = (iso: string) => new Date(iso);
    const later = await insertMeeting({ dialogueId: dialogue.id, title: "later", startsAt: at("2026-12-20T17:00:00Z") });
    const soon = await insertMeeting({ dialogueId: dialogue.id, title: "soon", startsAt: at("2026-12-02T17:00:00Z") });
    // Started before now but not over: still upcoming.
    const running = await insertMeeting({ dialogueId: dialogue.id, title: "running", startsAt: at("2026-12-01T11:00:00Z"), endsAt: at("2026-12-01T13:00:00Z") });
    const old = await insertMeeting({ dialogueId: dialogue.id, title: "old", startsAt: at("2026-10-01T17:00:00Z") });
    const recent = await insertMeeting({ dialogueId: dialogue.id, title: "recent", startsAt: at("2026-11-20T17:00:00Z") });
    const listed = await listMeetings(null, { dialogueId: dialogue.id }, now);
    expect(listed.upcoming.map((m) => m.id)).toEqual([running.id, soon.id, later.id]);
    expect(listed.past.map((m) => m.id)).toEqual([recent.id, old.id]);
  });

  it("shows a draft's meetings only to those who may read the draft", async () => {
    const draft = await createDialogue();
    await insertMeeting({ dialogueId: draft.id });
    expect((await appErrorOf(listMeetings(null, { dialogueId: draft.id }))).code).toBe("UNAUTHENTICATED");
    const { upcoming } = await listMeetings(await hostOf(draft), { dialogueId: draft.id });
    expect(upcoming).toHaveLength(1);
  });
});
