// Volunteer translation and checking for every kind of text (issue 13): answers, moderation
// reasons, dialogues, meetings, actors and the municipality's introduction; what replaces what;
// and the outdated mark, set by the database when an original changes and cleared by saving or checking.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addTranslation } from "@/lib/translations/add-translation";
import { checkTranslation } from "@/lib/translations/check-translation";
import { createActor, createMeeting, createUser, respond } from "@/tests/support/factories";
import { fieldKeys } from "@/tests/support/viewers";
import { appErrorOf, viewerOf } from "@/tests/support/participation";
import { coHost, germanNeed, participant } from "./support";

describe("translations of every text", () => {
  it("translates the town's answer: a member writes it, the host team checks it, re-saving or checking clears outdated", async () => {
    const { dialogue, contribution, host } = await germanNeed();
    const answer = await respond(contribution.id, { status: "PLANNED", body: "Der Router kommt nächste Woche." });
    expect((await db.response.findUniqueOrThrow({ where: { id: answer.id } })).language).toBe("de");
    const volunteer = await participant(dialogue.id);
    const saved = await addTranslation(volunteer, { responseId: answer.id, language: "ar", body: "سيصل جهاز التوجيه الأسبوع المقبل." });
    expect(saved).toMatchObject({ method: "VOLUNTEER", translatorId: volunteer.id, outdatedAt: null });

    // The answer itself never changes (append-only), so mark it outdated by hand as the trigger would on an edit.
    await db.translation.update({ where: { id: saved.id }, data: { outdatedAt: new Date() } });
    const resaved = await addTranslation(volunteer, { responseId: answer.id, language: "ar", body: "يصل جهاز التوجيه الأسبوع المقبل." });
    expect(resaved.outdatedAt).toBeNull();

    await db.translation.update({ where: { id: saved.id }, data: { outdatedAt: new Date() } });
    const checked = await checkTranslation(host, { translationId: saved.id });
    expect(checked).toMatchObject({ checkedById: host.id, outdatedAt: null });
  });

  it("lets only moderators translate a moderation reason; the person it concerns reads it", async () => {
    const { dialogue, contribution, host } = await germanNeed();
    const moderatorUser = await createUser();
    await db.membership.create({ data: { dialogueId: dialogue.id, userId: moderatorUser.id, role: "MODERATOR" } });
    const moderator = await viewerOf(moderatorUser.id);
    const action = await db.moderationAction.create({
      data: { dialogueId: dialogue.id, actorId: moderatorUser.id, type: "HIDE", category: "PERSONAL_DATA", contributionId: contribution.id, reason: "Persönliche Daten im Text." },
    });
    // Left out, the reason's language is the dialogue's first (trigger moderation_reason_language_default).
    expect((await db.moderationAction.findUniqueOrThrow({ where: { id: action.id } })).reasonLanguage).toBe("de");
    const volunteer = await participant(dialogue.id);
    expect((await appErrorOf(addTranslation(volunteer, { moderationActionId: action.id, language: "ar", body: "بيانات شخصية" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(addTranslation(host, { moderationActionId: action.id, language: "ar", body: "بيانات شخصية" }))).code).toBe("FORBIDDEN");
    const saved = await addTranslation(moderator, { moderationActionId: action.id, language: "ar", body: "بيانات شخصية في النص." });
    expect(saved.method).toBe("VOLUNTEER");
  });

  it("translates a dialogue's title, summary and description, each required where the original has it", async () => {
    const { dialogue } = await germanNeed();
    const volunteer = await participant(dialogue.id);
    const missing = await appErrorOf(addTranslation(volunteer, { dialogueId: dialogue.id, language: "fa", body: "توضیحات" }));
    expect(fieldKeys(missing, "title")).toEqual(["validation.required"]);
    expect(fieldKeys(missing, "summary")).toEqual(["validation.required"]);
    // The dialogue has its own rules: they are translated with it.
    expect(fieldKeys(missing, "codeOfConduct")).toEqual(["validation.required"]);
    const full = { title: "مسکن", summary: "خلاصه", codeOfConduct: "با احترام صحبت می‌کنیم." };
    const saved = await addTranslation(volunteer, { dialogueId: dialogue.id, language: "fa", ...full, body: "توضیحات" });
    expect(saved.method).toBe("VOLUNTEER");
    // Editing the original marks it outdated (trigger dialogue_translations_outdated).
    await db.dialogue.update({ where: { id: dialogue.id }, data: { description: "Neue Beschreibung." } });
    expect((await db.translation.findUniqueOrThrow({ where: { id: saved.id } })).outdatedAt).not.toBeNull();
    const other = await participant(dialogue.id);
    // An outdated translation is open to anyone's revision, which then needs checking again.
    const revised = await addTranslation(other, { dialogueId: dialogue.id, language: "fa", ...full, body: "توضیحات تازه" });
    expect(revised).toMatchObject({ id: saved.id, translatorId: other.id, outdatedAt: null, checkedAt: null });
  });

  it("translates a meeting with its place, an actor's description and the municipality's introduction", async () => {
    const { dialogue } = await germanNeed();
    const meeting = await createMeeting({ dialogueId: dialogue.id, description: "Wir sprechen über das WLAN." });
    const volunteer = await participant(dialogue.id);
    const placeMissing = await appErrorOf(addTranslation(volunteer, { meetingId: meeting.id, language: "ar", title: "لقاء", body: "نتحدث" }));
    expect(fieldKeys(placeMissing, "place")).toEqual(["validation.required"]);
    await addTranslation(volunteer, { meetingId: meeting.id, language: "ar", title: "لقاء", place: "المركز", body: "نتحدث عن الإنترنت." });

    // A municipality's own texts: its staff, and whoever joined one of its published dialogues
    // (the volunteer here); someone of another town's dialogue may not
    // (tests/translations/municipality-texts-volunteers.test.ts holds the rest).
    const actor = await createActor({ municipalityId: dialogue.municipalityId, description: "Wir beraten zu Wohnungen." });
    await db.municipality.update({ where: { id: dialogue.municipalityId }, data: { introduction: "Willkommen in unserer Stadt." } });
    const outsider = await participant((await germanNeed()).dialogue.id);
    expect((await appErrorOf(addTranslation(outsider, { actorId: actor.id, language: "uk", body: "Консультуємо" }))).code).toBe("FORBIDDEN");
    await addTranslation(volunteer, { actorId: actor.id, language: "ar", body: "نقدّم المشورة في السكن." });
    const staffMember = async () => {
      const user = await createUser({ perspective: "MUNICIPAL_STAFF" });
      await db.municipalityMembership.create({ data: { municipalityId: dialogue.municipalityId, userId: user.id, role: "STAFF" } });
      return viewerOf(user.id);
    };
    const [staff, colleague] = [await staffMember(), await staffMember()];
    await addTranslation(staff, { actorId: actor.id, language: "uk", body: "Консультуємо щодо житла." });
    const intro = await addTranslation(staff, { municipalityId: dialogue.municipalityId, language: "uk", body: "Ласкаво просимо." });
    expect((await checkTranslation(colleague, { translationId: intro.id })).checkedById).toBe(colleague.id);
  });

  it("never writes over a version its own author wrote (AUTHOR), nor a checked one", async () => {
    const { dialogue, contribution, host } = await germanNeed();
    const authorVersion = await db.translation.create({
      data: { dialogueId: dialogue.id, language: "ar", title: "السكن", summary: "ملخص", body: "وصف", method: "AUTHOR", translatorId: host.id },
    });
    const volunteer = await participant(dialogue.id);
    const refused = await appErrorOf(addTranslation(volunteer, { dialogueId: dialogue.id, language: "ar", title: "T", summary: "S", codeOfConduct: "C", body: "B" }));
    expect(fieldKeys(refused, "language")).toEqual(["translations.alreadyTranslated"]);
    expect((await db.translation.findUniqueOrThrow({ where: { id: authorVersion.id } })).body).toBe("وصف");

    const saved = await addTranslation(volunteer, { contributionId: contribution.id, language: "fa", title: "اینترنت", body: "اینترنت نیست." });
    await checkTranslation(await coHost(dialogue.id), { translationId: saved.id });
    const other = await participant(dialogue.id);
    expect((await appErrorOf(addTranslation(other, { contributionId: contribution.id, language: "fa", title: "x", body: "y" }))).code).toBe("CONFLICT");
  });
});
