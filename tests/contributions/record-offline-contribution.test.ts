// Entries on someone's behalf: what was said at a meeting, written on paper or told through an
// interpreter is the voice's, not the recorder's. The recorder is named apart and can never be
// the voice; it was read back and confirmed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getContribution } from "@/lib/contributions/get-contribution";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { createMeeting, createTheme } from "@/tests/support/factories";
import { appErrorOf, fieldKeys } from "@/tests/support/viewers";
import { dialogueIn, participant } from "@/tests/support/participation";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { offlineInput } from "@/tests/support/offline";

describe("recordOfflineContribution", () => {
  it("stores a recorder's paper entry as the voice's: no author, their perspective, the recorder and interpreter apart", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const recorder = await memberAs(dialogue.id, "RECORDER", "LOCAL_ACTOR");
    const before = Date.now();
    const { id } = await recordOfflineContribution(recorder, offlineInput(dialogue, { interpreterName: "  Frau Y., Gemeindedolmetscherdienst ", place: "WHOLE_TOWN" }));

    const row = await db.contribution.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      authorId: null,
      authorPerspective: "LIVED_EXPERIENCE",
      source: "PAPER",
      recordedById: recorder.id,
      meetingId: null,
      interpreterName: "Frau Y., Gemeindedolmetscherdienst",
      language: "fa",
      place: "WHOLE_TOWN",
      districtId: null,
      status: "OPEN",
    });
    expect(row.readBackConfirmedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // The page names the recorder apart from the voice, with who interpreted.
    const detail = await getContribution({ contributionId: id, dialogueId: dialogue.id }, recorder.id);
    expect(detail).toMatchObject({ author: null, source: "PAPER", interpreterName: "Frau Y., Gemeindedolmetscherdienst" });
    expect(detail!.recordedBy?.displayName).toBe((await db.user.findUniqueOrThrow({ where: { id: recorder.id } })).displayName);
    // Nobody may edit it as its author: it has none.
    expect(detail!.resource.ownerId).toBeNull();
  });

  it("keeps the voice's perspective private unless the person agreed to show it (decision 024)", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const unasked = await recordOfflineContribution(recorder, offlineInput(dialogue));
    const agreed = await recordOfflineContribution(recorder, offlineInput(dialogue, { showPerspective: true }));
    expect(await db.contribution.findUniqueOrThrow({ where: { id: unasked.id } })).toMatchObject({ authorPerspective: "LIVED_EXPERIENCE", voiceShowsPerspective: false });
    expect(await db.contribution.findUniqueOrThrow({ where: { id: agreed.id } })).toMatchObject({ authorPerspective: "LIVED_EXPERIENCE", voiceShowsPerspective: true });
    const page = (id: string) => getContribution({ contributionId: id, dialogueId: dialogue.id }, null);
    expect((await page(unasked.id))?.offlineVoicePerspective).toBeNull();
    expect((await page(agreed.id))?.offlineVoicePerspective).toBe("LIVED_EXPERIENCE");
  });

  it("never makes the recorder the voice, whatever the input says", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const forged = { ...offlineInput(dialogue), authorId: recorder.id, recordedById: crypto.randomUUID() } as Parameters<typeof recordOfflineContribution>[1];
    const { id } = await recordOfflineContribution(recorder, forged);
    expect(await db.contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ authorId: null, recordedById: recorder.id });
  });

  it("keeps a meeting entry with its meeting, and an interpreted one with its interpreter", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const coHost = await memberAs(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE");
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const atMeeting = await recordOfflineContribution(coHost, offlineInput(dialogue, { source: "MEETING", meetingId: meeting.id, perspective: "LOCAL_ACTOR", language: "de" }));
    expect(await db.contribution.findUniqueOrThrow({ where: { id: atMeeting.id } })).toMatchObject({
      source: "MEETING",
      meetingId: meeting.id,
      authorPerspective: "LOCAL_ACTOR",
      recordedById: coHost.id,
    });
    const interpreted = await recordOfflineContribution(await hostOf(dialogue), offlineInput(dialogue, { source: "INTERPRETED", interpreterName: "Ahmad" }));
    expect(await db.contribution.findUniqueOrThrow({ where: { id: interpreted.id } })).toMatchObject({ source: "INTERPRETED", interpreterName: "Ahmad", meetingId: null });
  });

  it("requires the read-back, the meeting for a meeting and the interpreter for an interpreted conversation", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const { readBackConfirmed: _omitted, ...unread } = offlineInput(dialogue);
    expect(fieldKeys(await appErrorOf(recordOfflineContribution(recorder, unread as never)), "readBackConfirmed")).toEqual(["onBehalf.readBackRequired"]);
    const noMeeting = await appErrorOf(recordOfflineContribution(recorder, offlineInput(dialogue, { source: "MEETING" })));
    expect(fieldKeys(noMeeting, "meetingId")).toEqual(["onBehalf.meetingRequired"]);
    const noInterpreter = await appErrorOf(recordOfflineContribution(recorder, offlineInput(dialogue, { source: "INTERPRETED", interpreterName: "   " })));
    expect(fieldKeys(noInterpreter, "interpreterName")).toEqual(["onBehalf.interpreterRequired"]);
    const badPerspective = await appErrorOf(recordOfflineContribution(recorder, offlineInput(dialogue, { perspective: "REFUGEE" })));
    expect(fieldKeys(badPerspective, "perspective")).toEqual(["validation.invalid"]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it("refuses a meeting of another dialogue (a forged id), another dialogue's theme and unknown languages", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const other = await dialogueIn("COLLECTING");
    const foreignMeeting = await createMeeting({ dialogueId: other.id });
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const forged = await appErrorOf(recordOfflineContribution(recorder, offlineInput(dialogue, { source: "MEETING", meetingId: foreignMeeting.id })));
    expect(fieldKeys(forged, "meetingId")).toEqual(["validation.invalid"]);
    const made = await appErrorOf(recordOfflineContribution(recorder, offlineInput(dialogue, { source: "MEETING", meetingId: crypto.randomUUID() })));
    expect(fieldKeys(made, "meetingId")).toEqual(["validation.invalid"]);
    const foreignTheme = await createTheme(dialogue.municipalityId);
    const wrong = await appErrorOf(recordOfflineContribution(recorder, offlineInput(dialogue, { themeId: foreignTheme.id, language: "xx" })));
    expect(fieldKeys(wrong, "themeId")).toEqual(["validation.invalid"]);
    expect(fieldKeys(wrong, "language")).toEqual(["validation.invalid"]);
    expect(await db.contribution.count({ where: { dialogueId: { in: [dialogue.id, other.id] } } })).toBe(0);
  });

  it("lets recorders and the host team in; refuses participants, the signed-out, other dialogues' recorders and late phases", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    expect((await appErrorOf(recordOfflineContribution(await participant(dialogue.id), offlineInput(dialogue)))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(recordOfflineContribution(null, offlineInput(dialogue)))).code).toBe("UNAUTHENTICATED");
    const elsewhere = await dialogueIn("COLLECTING");
    const otherRecorder = await memberAs(elsewhere.id, "RECORDER");
    expect((await appErrorOf(recordOfflineContribution(otherRecorder, offlineInput(dialogue)))).code).toBe("FORBIDDEN");
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(0);

    // Collected offline while the dialogue collected, entered while it deliberates: still welcome.
    const deliberating = await dialogueIn("DELIBERATING");
    await recordOfflineContribution(await memberAs(deliberating.id, "RECORDER"), offlineInput(deliberating));
    expect(await db.contribution.count({ where: { dialogueId: deliberating.id, authorId: null } })).toBe(1);
    const responding = await dialogueIn("RESPONDING");
    const late = await memberAs(responding.id, "RECORDER");
    expect((await appErrorOf(recordOfflineContribution(late, offlineInput(responding)))).code).toBe("FORBIDDEN");
  });
});
