// Host texts in several languages (decision 025): the version a reader sees, and the versions
// the texts' own writers keep up to date.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadHostTextVersions, versionsOf } from "@/lib/host-texts/load-versions";
import { pickHostText, type HostTextVersion } from "@/lib/host-texts/pick-host-text";
import { saveHostTextVersion } from "@/lib/host-texts/save-host-text-version";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { addMember, createActor, createDialogue, createMeeting, createMunicipality, createUser } from "@/tests/support/factories";
import { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";

async function staffDialogue(languages = ["de", "uk", "ar", "fa"]) {
  const municipality = await createMunicipality();
  const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: municipality.id, role: "STAFF" } });
  const dialogue = await createDialogue({ municipalityId: municipality.id, createdById: staff.id, languages });
  return { municipality, staff, dialogue };
}

async function shownFor(dialogue: { id: string; title: string; summary: string; description: string; languages: string[] }, locale: string, requested?: string) {
  const versions = await loadHostTextVersions({ dialogueIds: [dialogue.id] });
  return pickHostText(
    { language: dialogue.languages[0]!, fields: { title: dialogue.title, summary: dialogue.summary, body: dialogue.description } },
    versionsOf(versions.dialogues, dialogue.id),
    locale,
    { requested },
  );
}

const ukrainian = { title: "Житло", summary: "Що вам потрібно?", body: "Опис українською." };

describe("choosing the version a reader sees", () => {
  it("shows the reader's language where a version exists, else the original, with the other languages to link to", async () => {
    const { staff, dialogue } = await staffDialogue();
    await saveHostTextVersion(await viewerOf(staff.id), { subject: "dialogue", subjectId: dialogue.id, language: "uk", ...ukrainian });

    const forUkrainian = await shownFor(dialogue, "uk");
    expect(forUkrainian).toMatchObject({ language: "uk", source: "author", outdated: false, originalLanguage: "de", languages: ["de", "uk"] });
    expect(forUkrainian.fields).toEqual({ title: "Житло", summary: "Що вам потрібно?", body: "Опис українською." });

    // No Arabic version: the original, in the dialogue's first language.
    expect(await shownFor(dialogue, "ar")).toMatchObject({ language: "de", source: "original", fields: { title: dialogue.title } });
    // A German reader follows the link to the Ukrainian version; Einfache Sprache reads German.
    expect(await shownFor(dialogue, "de", "uk")).toMatchObject({ language: "uk", source: "author" });
    expect(await shownFor(dialogue, "de-simple")).toMatchObject({ language: "de", source: "original" });
    // A link to a language without a version falls back to the reader's own.
    expect(await shownFor(dialogue, "uk", "fa")).toMatchObject({ language: "uk" });
  });

  it("names the dialogue in the reader's version in the notifications list", async () => {
    const { staff, dialogue } = await staffDialogue();
    await saveHostTextVersion(await viewerOf(staff.id), { subject: "dialogue", subjectId: dialogue.id, language: "uk", ...ukrainian });
    const reader = await createUser({ locale: "uk" });
    await db.notification.create({ data: { userId: reader.id, type: "PHASE_CHANGED", dialogueId: dialogue.id, subjectId: dialogue.id } });
    const viewer = await viewerOf(reader.id);
    expect((await listNotifications(viewer, {}, "uk")).items.map((item) => item.values.title)).toEqual(["Житло"]);
    expect((await listNotifications(viewer, {}, "ar")).items.map((item) => item.values.title)).toEqual([dialogue.title]);
  });

  it.each([
    { versions: ["MACHINE", "VOLUNTEER"], expected: "volunteer" },
    { versions: ["MACHINE", "VOLUNTEER", "VOLUNTEER checked"], expected: "volunteer checked" },
    { versions: ["VOLUNTEER checked", "AUTHOR"], expected: "author" },
    { versions: ["MACHINE"], expected: "machine" },
  ] as const)("prefers the author, then a checked volunteer, a volunteer, a machine: $versions", ({ versions, expected }) => {
    const rows: HostTextVersion[] = versions.map((made) => ({
      language: "ar",
      method: made.split(" ")[0] as HostTextVersion["method"],
      checkedAt: made.endsWith("checked") ? new Date() : null,
      outdatedAt: null,
      body: made,
    }));
    const picked = pickHostText({ language: "de", fields: { body: "Original" } }, rows, "ar");
    expect(`${picked.source}${picked.fields.body?.endsWith("checked") ? " checked" : ""}`).toBe(expected);
  });
});

describe("writing versions", () => {
  it("lets the host team write one version per language of the dialogue, and no one else", async () => {
    const { dialogue } = await staffDialogue();
    const coHost = await createUser({ perspective: "LIVED_EXPERIENCE" });
    const participant = await createUser();
    await addMember(dialogue.id, coHost.id, "CO_HOST");
    await addMember(dialogue.id, participant.id, "PARTICIPANT");
    const input = { subject: "dialogue" as const, subjectId: dialogue.id, language: "ar", title: "السكن", summary: "ماذا تحتاجون؟", body: "وصف." };

    expect((await appErrorOf(saveHostTextVersion(await viewerOf(participant.id), input))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(saveHostTextVersion(null, input))).code).toBe("UNAUTHENTICATED");
    await saveHostTextVersion(await viewerOf(coHost.id), input);
    await saveHostTextVersion(await viewerOf(coHost.id), { ...input, title: "السكن والجيرة" });
    const rows = await db.translation.findMany({ where: { dialogueId: dialogue.id } });
    expect(rows).toEqual([expect.objectContaining({ language: "ar", title: "السكن والجيرة", method: "AUTHOR", translatorId: coHost.id })]);

    const notALanguage = await appErrorOf(saveHostTextVersion(await viewerOf(coHost.id), { ...input, language: "tr" }));
    expect(fieldKeys(notALanguage, "language")).toEqual(["hostTexts.notALanguage"]);
    const original = await appErrorOf(saveHostTextVersion(await viewerOf(coHost.id), { ...input, language: "de" }));
    expect(fieldKeys(original, "language")).toEqual(["hostTexts.originalElsewhere"]);
    const empty = await appErrorOf(saveHostTextVersion(await viewerOf(coHost.id), { ...input, title: " ", body: "" }));
    expect([fieldKeys(empty, "title"), fieldKeys(empty, "body"), fieldKeys(empty, "summary")]).toEqual([["validation.required"], ["validation.required"], []]);
  });

  it("marks versions outdated when the original is edited, and saving the version again clears it", async () => {
    const { staff, dialogue } = await staffDialogue();
    const viewer = await viewerOf(staff.id);
    await saveHostTextVersion(viewer, { subject: "dialogue", subjectId: dialogue.id, language: "uk", ...ukrainian });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { description: "Neue Beschreibung." } });

    const edited = await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id } });
    expect(await shownFor(edited, "uk")).toMatchObject({ language: "uk", outdated: true });
    await saveHostTextVersion(viewer, { subject: "dialogue", subjectId: dialogue.id, language: "uk", ...ukrainian, body: "Новий опис." });
    expect(await shownFor(edited, "uk")).toMatchObject({ language: "uk", outdated: false, fields: { body: "Новий опис." } });
  });

  it("replaces a volunteer's version in that language with the authors' own", async () => {
    const { staff, dialogue } = await staffDialogue();
    const volunteer = await createUser();
    await db.translation.create({
      data: { dialogueId: dialogue.id, language: "fa", title: "مسکن", summary: "خلاصه", body: "ترجمه", method: "VOLUNTEER", translatorId: volunteer.id },
    });
    expect(await shownFor(dialogue, "fa")).toMatchObject({ source: "volunteer" });
    await saveHostTextVersion(await viewerOf(staff.id), { subject: "dialogue", subjectId: dialogue.id, language: "fa", title: "مسکن و همسایگی", summary: "چه لازم دارید؟", body: "توضیحات." });
    expect(await shownFor(dialogue, "fa")).toMatchObject({ source: "author", fields: { title: "مسکن و همسایگی" } });
    expect(await db.translation.count({ where: { dialogueId: dialogue.id } })).toBe(1);
  });

  it("writes a meeting's title, place and description; one without a description keeps none in any language", async () => {
    const { staff, dialogue } = await staffDialogue();
    const meeting = await createMeeting({ dialogueId: dialogue.id, description: "Wir sprechen über Wohnungen." });
    const bare = await createMeeting({ dialogueId: dialogue.id });
    const viewer = await viewerOf(staff.id);
    const missing = await appErrorOf(saveHostTextVersion(viewer, { subject: "meeting", subjectId: meeting.id, language: "ar", title: "لقاء" }));
    expect([fieldKeys(missing, "place"), fieldKeys(missing, "body")]).toEqual([["validation.required"], ["validation.required"]]);
    await saveHostTextVersion(viewer, { subject: "meeting", subjectId: bare.id, language: "ar", title: "لقاء", place: "مركز الحي", body: "ignored" });

    const versions = await loadHostTextVersions({ meetingIds: [bare.id] });
    const picked = pickHostText({ language: "de", fields: { title: bare.title, place: bare.place, body: bare.description } }, versionsOf(versions.meetings, bare.id), "ar");
    expect(picked.fields).toEqual({ title: "لقاء", place: "مركز الحي", body: null });
  });

  it("lets an actor's members and staff write its description in other languages, nobody else", async () => {
    const { municipality, staff } = await staffDialogue();
    const member = await createUser();
    const stranger = await createUser();
    const actor = await createActor({ municipalityId: municipality.id, description: "Wir helfen beim Ankommen.", members: { create: [{ userId: member.id }] } });
    const input = { subject: "actor" as const, subjectId: actor.id, language: "ar", body: "نساعد عند الوصول." };
    expect((await appErrorOf(saveHostTextVersion(await viewerOf(stranger.id), input))).code).toBe("FORBIDDEN");
    await saveHostTextVersion(await viewerOf(member.id), input);
    await saveHostTextVersion(await viewerOf(staff.id), { ...input, language: "uk", body: "Ми допомагаємо." });
    expect((await db.translation.findMany({ where: { actorId: actor.id }, orderBy: { language: "asc" } })).map((row) => row.language)).toEqual(["ar", "uk"]);
  });

  it("lets staff write the municipality's introduction (its own language is the original) and its versions", async () => {
    const { municipality, staff } = await staffDialogue();
    const viewer = await viewerOf(staff.id);
    const before = await appErrorOf(saveHostTextVersion(viewer, { subject: "municipality", subjectId: municipality.id, language: "ar", body: "مرحبًا" }));
    expect(fieldKeys(before, "body")).toEqual(["hostTexts.noOriginal"]);
    await saveHostTextVersion(viewer, { subject: "municipality", subjectId: municipality.id, language: "de", body: "Willkommen in unserer Stadt." });
    await saveHostTextVersion(viewer, { subject: "municipality", subjectId: municipality.id, language: "ar", body: "مرحبًا بكم في مدينتنا." });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).introduction).toBe("Willkommen in unserer Stadt.");
    expect(await db.translation.findFirst({ where: { municipalityId: municipality.id } })).toMatchObject({ language: "ar", method: "AUTHOR", outdatedAt: null });

    await saveHostTextVersion(viewer, { subject: "municipality", subjectId: municipality.id, language: "de", body: "Willkommen!" });
    expect((await db.translation.findFirstOrThrow({ where: { municipalityId: municipality.id } })).outdatedAt).toBeInstanceOf(Date);
    const participant = await createUser();
    const refused = await appErrorOf(saveHostTextVersion(await viewerOf(participant.id), { subject: "municipality", subjectId: municipality.id, language: "de", body: "x" }));
    expect(refused.code).toBe("FORBIDDEN");
  });
});
