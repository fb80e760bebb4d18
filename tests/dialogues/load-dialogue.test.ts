// loadDialogue: the dialogue page's one load of everything dialogue-wide, as the viewer may read it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadDialogue } from "@/lib/dialogues/load-dialogue";
import { addMember, createDialogue, createMeeting, createUser, openDialogue } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

async function slugsOf(dialogueId: string) {
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { slug: true, municipality: { select: { slug: true } } } });
  return { municipalitySlug: dialogue.municipality.slug, dialogueSlug: dialogue.slug };
}

describe("loadDialogue", () => {
  it("gives a draft to its host team only, with the same null as an unknown dialogue for everyone else", async () => {
    const dialogue = await createDialogue();
    const slugs = await slugsOf(dialogue.id);
    const host = await viewerOf(dialogue.createdById);
    const stranger = await viewerOf((await createUser()).id);

    expect(await loadDialogue(null, slugs)).toBeNull();
    expect(await loadDialogue(stranger, slugs)).toBeNull();
    expect(await loadDialogue(null, { ...slugs, dialogueSlug: "gibt-es-nicht" })).toBeNull();
    expect(await loadDialogue(null, { ...slugs, dialogueSlug: "'; DROP TABLE" })).toBeNull();
    const forHost = await loadDialogue(host, slugs);
    expect(forHost?.dialogue.phase).toBe("DRAFT");
    expect(forHost?.may).toMatchObject({ manage: true, invite: true, post: false, takePart: false });
    expect(forHost?.resource).toEqual({ municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: "DRAFT" });
  });

  it("reads meetings as the instants stored, upcoming soonest first, past latest first, with their versions", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const now = new Date("2026-12-06T12:00:00.000Z");
    const soon = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date("2026-12-10T17:30:00.000Z") });
    const later = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date("2027-01-10T09:15:00.000Z"), endsAt: new Date("2027-01-10T11:00:00.000Z") });
    const running = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date("2026-12-06T11:00:00.000Z"), endsAt: new Date("2026-12-06T13:00:00.000Z") });
    const past = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date("2026-11-01T10:00:00.000Z") });
    const older = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date("2026-10-01T10:00:00.000Z") });
    await db.translation.create({
      data: {
        meetingId: soon.id,
        language: "ar",
        title: "لقاء",
        place: "القاعة",
        body: "نص",
        method: "VOLUNTEER",
        translatorId: dialogue.createdById,
        checkedById: dialogue.createdById,
        checkedAt: new Date("2026-12-01T08:00:00.000Z"),
      },
    });

    const loaded = await loadDialogue(null, await slugsOf(dialogue.id), now);
    const { upcoming, past: before } = loaded!.dialogue.meetings;
    expect(upcoming.map((meeting) => meeting.id)).toEqual([running.id, soon.id, later.id]);
    expect(before.map((meeting) => meeting.id)).toEqual([past.id, older.id]);
    expect(upcoming[1]?.startsAt.toISOString()).toBe("2026-12-10T17:30:00.000Z");
    expect(upcoming[2]?.endsAt?.toISOString()).toBe("2027-01-10T11:00:00.000Z");
    expect(upcoming[1]?.versions).toEqual([
      { language: "ar", method: "VOLUNTEER", title: "لقاء", place: "القاعة", body: "نص", checkedAt: new Date("2026-12-01T08:00:00.000Z"), outdatedAt: null },
    ]);
    expect(upcoming[1]?.language).toBe("de");
  });

  it("carries the dialogue's themes in their order, its versions and planned dates", async () => {
    const dialogue = await createDialogue({ collectingFrom: new Date("2026-11-15T00:00:00.000Z"), closesAt: new Date("2027-03-06T00:00:00.000Z") });
    await openDialogue(dialogue.id);
    await db.translation.create({
      data: { dialogueId: dialogue.id, language: "uk", title: "Діалог", summary: "Коротко", body: "Опис", method: "VOLUNTEER", translatorId: dialogue.createdById },
    });
    const loaded = await loadDialogue(null, await slugsOf(dialogue.id));
    expect(loaded?.dialogue.themes.map((theme) => theme.id).sort()).toEqual(dialogue.themes.map((theme) => theme.themeId).sort());
    expect(loaded?.dialogue.versions).toMatchObject([{ language: "uk", title: "Діалог", summary: "Коротко", body: "Опис", method: "VOLUNTEER", checkedAt: null }]);
    expect(loaded?.dialogue.dates).toEqual({
      collectingFrom: new Date("2026-11-15T00:00:00.000Z"),
      deliberatingFrom: null,
      respondingFrom: null,
      closesAt: new Date("2027-03-06T00:00:00.000Z"),
    });
    expect(loaded?.may).toMatchObject({ takePart: true, post: false, support: false, follow: false });
  });

  it("says whether the viewer follows: a member until they unfollow, anyone who followed", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const slugs = await slugsOf(dialogue.id);
    const [member, reader] = [await createUser(), await createUser()];
    await addMember(dialogue.id, member.id, "PARTICIPANT");

    expect((await loadDialogue(await viewerOf(member.id), slugs))?.following).toBe(true);
    expect((await loadDialogue(await viewerOf(reader.id), slugs))?.following).toBe(false);
    await db.follow.create({ data: { userId: reader.id, dialogueId: dialogue.id } });
    await db.follow.create({ data: { userId: member.id, dialogueId: dialogue.id, unfollowedAt: new Date() } });
    expect((await loadDialogue(await viewerOf(member.id), slugs))?.following).toBe(false);
    expect((await loadDialogue(await viewerOf(reader.id), slugs))?.following).toBe(true);
    expect((await loadDialogue(await viewerOf(reader.id), slugs))?.may).toMatchObject({ follow: true, takePart: true });
  });
});
