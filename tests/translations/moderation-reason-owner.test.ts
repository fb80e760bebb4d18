// Whom a moderation reason concerns (security review, decision 030): the author of the moderated
// item reads — and may have translated — the reasons of a hide, an unhide and a review, never
// those a moderator wrote for moderators only, e.g. why a report against the item was dismissed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getHideNotice } from "@/lib/moderation/get-hide-notice";
import { machineTranslate } from "@/lib/translations/machine-translate";
import { LibreTranslateTranslator } from "@/lib/translations/machine-translator";
import { translationTarget } from "@/lib/translations/translation-target";
import { addTranslation } from "@/lib/translations/add-translation";
import { createUser } from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/participation";
import { germanNeed } from "./support";

describe("a moderation reason's owner", () => {
  it("is the item's author for a hide, an unhide and a review; nobody for a dismissed report", async () => {
    const { dialogue, contribution, comment } = await germanNeed();
    const moderator = await createUser();
    await db.membership.create({ data: { dialogueId: dialogue.id, userId: moderator.id, role: "MODERATOR" } });
    const owners: Record<string, string | null | undefined> = {};
    for (const type of ["HIDE", "UNHIDE", "REVIEW_REQUESTED", "REVIEW_UPHELD", "REVIEW_REVERSED", "DISMISS_REPORT"] as const) {
      const action = await db.moderationAction.create({
        data: { dialogueId: dialogue.id, actorId: moderator.id, type, commentId: comment.id, reason: `Grund ${type}.`, ...(type === "HIDE" ? { category: "SPAM" as const } : {}) },
      });
      owners[type] = (await translationTarget({ moderationActionId: action.id })).resource.ownerId;
    }
    expect(owners).toEqual({
      HIDE: comment.authorId,
      UNHIDE: comment.authorId,
      REVIEW_REQUESTED: comment.authorId,
      REVIEW_UPHELD: comment.authorId,
      REVIEW_REVERSED: comment.authorId,
      DISMISS_REPORT: null,
    });
    expect(comment.authorId).not.toBeNull();

    // The author may not have a dismissal's reason translated; a moderator may translate it.
    const dismissal = await db.moderationAction.create({
      data: { dialogueId: dialogue.id, actorId: moderator.id, type: "DISMISS_REPORT", contributionId: contribution.id, reason: "Nur für die Moderation." },
    });
    const author = await viewerOf(contribution.authorId!);
    // Refused before any request leaves: the translator's address is never reached.
    const translator = new LibreTranslateTranslator({ url: "http://127.0.0.1:9" });
    expect((await appErrorOf(machineTranslate(author, { moderationActionId: dismissal.id, language: "ar" }, translator))).code).toBe("FORBIDDEN");
    const saved = await addTranslation(await viewerOf(moderator.id), { moderationActionId: dismissal.id, language: "ar", body: "للإشراف فقط." });
    expect(saved.method).toBe("VOLUNTEER");
  });

  it("offers its moderators, not its author, the languages to translate a hide reason into", async () => {
    const { dialogue, comment } = await germanNeed();
    const moderator = await createUser();
    await db.membership.create({ data: { dialogueId: dialogue.id, userId: moderator.id, role: "MODERATOR" } });
    await db.moderationAction.create({ data: { dialogueId: dialogue.id, actorId: moderator.id, type: "HIDE", category: "SPAM", commentId: comment.id, reason: "Werbung.", reasonLanguage: "de" } });
    await db.comment.update({ where: { id: comment.id }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } });
    const ref = { itemType: "comment", itemId: comment.id } as const;
    const languages = (await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id }, select: { languages: true } })).languages;
    expect(languages.length).toBeGreaterThan(1);
    expect((await getHideNotice(await viewerOf(moderator.id), ref))?.translateInto).toEqual(languages.filter((language) => language !== "de"));
    expect((await getHideNotice(await viewerOf(comment.authorId!), ref))?.translateInto).toEqual([]);
  });
});
