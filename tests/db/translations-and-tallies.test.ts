// Translations belong to exactly one contribution or comment and say who made them; supports
// counted at a meeting are positive tallies.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createComment, createContribution, createDialogue, createMeeting, createUser } from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

function insertTranslation(overrides: Partial<Prisma.TranslationUncheckedCreateInput>) {
  return db.translation.create({ data: { language: "ar", body: "ترجمة النص", ...overrides } });
}

async function contributionWithComment() {
  const dialogue = await createDialogue();
  const contribution = await createContribution({ dialogueId: dialogue.id });
  const comment = await createComment({ contributionId: contribution.id });
  const translator = await createUser({ perspective: "LIVED_EXPERIENCE", locale: "ar" });
  return { dialogue, contribution, comment, translator };
}

describe("translation_has_one_target", () => {
  it("refuses a translation of both a contribution and a comment", async () => {
    const { contribution, comment, translator } = await contributionWithComment();
    await expectConstraint(
      insertTranslation({ contributionId: contribution.id, commentId: comment.id, translatorId: translator.id }),
      "translation_has_one_target",
    );
  });

  it("refuses a translation of nothing", async () => {
    const { translator } = await contributionWithComment();
    await expectConstraint(insertTranslation({ translatorId: translator.id }), "translation_has_one_target");
  });

  it("accepts a translation of a contribution and one of a comment", async () => {
    const { contribution, comment, translator } = await contributionWithComment();
    await insertTranslation({ contributionId: contribution.id, title: "عنوان", translatorId: translator.id });
    await insertTranslation({ commentId: comment.id, translatorId: translator.id });
    const translations = await db.translation.count({
      where: { OR: [{ contributionId: contribution.id }, { commentId: comment.id }] },
    });
    expect(translations).toBe(2);
  });
});

describe("translations go stale", () => {
  it("editing a contribution or comment marks its translations outdated; saving again clears it", async () => {
    const { contribution, comment, translator } = await contributionWithComment();
    const ofContribution = await insertTranslation({ contributionId: contribution.id, title: "عنوان", translatorId: translator.id });
    const ofComment = await insertTranslation({ commentId: comment.id, translatorId: translator.id });
    await db.contribution.update({ where: { id: contribution.id }, data: { status: "OPEN" } });
    expect((await db.translation.findUniqueOrThrow({ where: { id: ofContribution.id } })).outdatedAt).toBeNull();
    await db.contribution.update({ where: { id: contribution.id }, data: { body: `${contribution.body} (ergänzt)` } });
    await db.comment.update({ where: { id: comment.id }, data: { body: "Neu formuliert" } });
    expect((await db.translation.findUniqueOrThrow({ where: { id: ofContribution.id } })).outdatedAt).toBeInstanceOf(Date);
    expect((await db.translation.findUniqueOrThrow({ where: { id: ofComment.id } })).outdatedAt).toBeInstanceOf(Date);
  });

  it("editing a dialogue's description marks its other-language versions outdated", async () => {
    const { dialogue, translator } = await contributionWithComment();
    const version = await insertTranslation({ dialogueId: dialogue.id, title: "عنوان", summary: "ملخص", method: "AUTHOR", translatorId: translator.id });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: dialogue.phase } });
    expect((await db.translation.findUniqueOrThrow({ where: { id: version.id } })).outdatedAt).toBeNull();
    await db.dialogue.update({ where: { id: dialogue.id }, data: { description: "Eine neue Beschreibung" } });
    expect((await db.translation.findUniqueOrThrow({ where: { id: version.id } })).outdatedAt).toBeInstanceOf(Date);
  });
});

describe("what a translation must say", () => {
  it("translation_fields_fit_subject: refuses a title on a comment's translation", async () => {
    const { comment, translator } = await contributionWithComment();
    await expectConstraint(
      insertTranslation({ commentId: comment.id, title: "عنوان", translatorId: translator.id }),
      "translation_fields_fit_subject",
    );
  });

  it("translation_fields_fit_subject: a dialogue's version has its title and summary; a place only for a meeting", async () => {
    const { dialogue, translator } = await contributionWithComment();
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    await expectConstraint(
      insertTranslation({ dialogueId: dialogue.id, title: "عنوان", translatorId: translator.id }),
      "translation_fields_fit_subject",
    );
    await expectConstraint(
      insertTranslation({ dialogueId: dialogue.id, title: "عنوان", summary: "ملخص", place: "مكان", translatorId: translator.id }),
      "translation_fields_fit_subject",
    );
    await insertTranslation({ dialogueId: dialogue.id, title: "عنوان", summary: "ملخص", method: "AUTHOR", translatorId: translator.id });
    await insertTranslation({ meetingId: meeting.id, title: "لقاء", place: "مكان", translatorId: translator.id });
  });

  it("translation_writer_named: refuses a volunteer's or author's version without who wrote it", async () => {
    const { contribution, dialogue } = await contributionWithComment();
    await expectConstraint(insertTranslation({ contributionId: contribution.id }), "translation_writer_named");
    await expectConstraint(
      insertTranslation({ dialogueId: dialogue.id, title: "عنوان", summary: "ملخص", method: "AUTHOR" }),
      "translation_writer_named",
    );
    await insertTranslation({ contributionId: contribution.id, method: "MACHINE" });
  });

  it("translation_checked_pair: refuses a check without who checked or when", async () => {
    const { contribution, translator } = await contributionWithComment();
    const checker = await createUser({ perspective: "LOCAL_ACTOR" });
    await expectConstraint(
      insertTranslation({ contributionId: contribution.id, translatorId: translator.id, checkedById: checker.id }),
      "translation_checked_pair",
    );
    await expectConstraint(
      insertTranslation({ contributionId: contribution.id, translatorId: translator.id, checkedAt: new Date() }),
      "translation_checked_pair",
    );
  });

  it("translation_body_length: refuses an empty body", async () => {
    const { contribution, translator } = await contributionWithComment();
    await expectConstraint(
      insertTranslation({ contributionId: contribution.id, translatorId: translator.id, body: " " }),
      "translation_body_length",
    );
  });

  it("translation_language_format: refuses a language that is not a BCP 47 code", async () => {
    const { contribution, translator } = await contributionWithComment();
    await expectConstraint(
      insertTranslation({ contributionId: contribution.id, translatorId: translator.id, language: "Arabisch" }),
      "translation_language_format",
    );
  });

  it("Translation_contributionId_language_key: refuses a second translation into the same language", async () => {
    const { contribution, translator } = await contributionWithComment();
    await insertTranslation({ contributionId: contribution.id, translatorId: translator.id, language: "uk" });
    await expectConstraint(
      insertTranslation({ contributionId: contribution.id, translatorId: translator.id, language: "uk" }),
      "Translation_contributionId_language_key",
    );
  });
});

describe("meeting_support_count_positive", () => {
  async function tally(count: number) {
    const dialogue = await createDialogue();
    const need = await createContribution({ dialogueId: dialogue.id });
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    return db.meetingSupport.create({
      data: {
        contributionId: need.id,
        meetingId: meeting.id,
        perspective: "LIVED_EXPERIENCE",
        count,
        recordedById: meeting.createdById,
      },
    });
  }

  it.each([0, -3])("refuses a meeting tally of %i", async (count) => {
    await expectConstraint(tally(count), "meeting_support_count_positive");
  });

  it("accepts a tally of one", async () => {
    expect((await tally(1)).count).toBe(1);
  });
});
