// Moderators hide with a category and a reason (the author sees the reason, others the
// category), dismiss reports, unhide; the author asks for a review once and another moderator
// decides. Every step is in the log and the author is told.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listComments } from "@/lib/comments/list-comments";
import { getContribution } from "@/lib/contributions/get-contribution";
import { listContributions } from "@/lib/contributions/list-contributions";
import { getHiddenContribution } from "@/lib/moderation/get-hidden-contribution";
import { createReport } from "@/lib/moderation/create-report";
import { decideReview } from "@/lib/moderation/decide-review";
import { dismissReports } from "@/lib/moderation/dismiss-reports";
import { getHideNotice } from "@/lib/moderation/get-hide-notice";
import { hideContent } from "@/lib/moderation/hide-content";
import { requestReview } from "@/lib/moderation/request-review";
import { unhideContent } from "@/lib/moderation/unhide-content";
import { fieldKeys } from "@/tests/support/viewers";
import { expectConstraint } from "@/tests/db/expect-constraint";
import { appErrorOf, logOf, moderatedDialogue } from "./support";

async function reportedAndHidden() {
  const setup = await moderatedDialogue();
  const { dialogue, comment, reporter, moderator } = setup;
  await createReport(reporter, { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "PERSONAL_DATA", reason: "Nummer." });
  const hidden = await hideContent(moderator, { itemType: "comment", itemId: comment.id, category: "PERSONAL_DATA", reason: "Enthält eine Telefonnummer." });
  return { ...setup, hidden };
}

const notificationsOf = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { type: true, commentId: true } });

describe("hideContent", () => {
  it("hides with category, upholds the open reports, logs HIDE and notifies the author", async () => {
    const { dialogue, comment, author, moderator, hidden } = await reportedAndHidden();
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ hiddenCategory: "PERSONAL_DATA", hiddenAt: expect.any(Date) });
    expect(await db.report.findMany({ where: { commentId: comment.id }, select: { status: true, resolvedById: true } })).toEqual([
      { status: "UPHELD", resolvedById: moderator.id },
    ]);
    expect(hidden.upheldReports).toBe(1);
    const log = await logOf(dialogue.id);
    expect(log.map((entry) => [entry.type, entry.actorId, entry.commentId, entry.category, entry.reason])).toEqual([
      ["HIDE", moderator.id, comment.id, "PERSONAL_DATA", "Enthält eine Telefonnummer."],
    ]);
    expect(await notificationsOf(author.id)).toEqual([{ type: "CONTENT_HIDDEN", commentId: comment.id }]);
  });

  it("needs a reason", async () => {
    const { comment, moderator } = await moderatedDialogue();
    const error = await appErrorOf(hideContent(moderator, { itemType: "comment", itemId: comment.id, category: "SPAM", reason: " " }));
    expect(fieldKeys(error, "reason")).toEqual(["validation.required"]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).toBeNull();
  });

  it.each(["staff", "reporter", "author"] as const)("lets only moderators hide: refuses the %s", async (who) => {
    const world = await moderatedDialogue();
    const { comment } = world;
    expect((await appErrorOf(hideContent(world[who], { itemType: "comment", itemId: comment.id, category: "SPAM", reason: "Werbung." }))).code).toBe("FORBIDDEN");
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).toBeNull();
  });

  it("keeps the language the moderator wrote the reason in, one of the dialogue's; left out, the first", async () => {
    const { dialogue, comment, contribution, moderator } = await moderatedDialogue();
    await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ar"] } });
    const refused = await appErrorOf(hideContent(moderator, { itemType: "comment", itemId: comment.id, category: "SPAM", reason: "Spam.", reasonLanguage: "uk" }));
    expect(fieldKeys(refused, "reasonLanguage")).toEqual(["translations.notDialogueLanguage"]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).toBeNull();

    const { hideActionId } = await hideContent(moderator, { itemType: "comment", itemId: comment.id, category: "SPAM", reason: "إعلان.", reasonLanguage: "ar" });
    expect((await db.moderationAction.findUniqueOrThrow({ where: { id: hideActionId } })).reasonLanguage).toBe("ar");
    const other = await hideContent(moderator, { itemType: "contribution", itemId: contribution.id, category: "SPAM", reason: "Werbung." });
    expect((await db.moderationAction.findUniqueOrThrow({ where: { id: other.hideActionId } })).reasonLanguage).toBe("de");
  });

  it("refuses hiding twice", async () => {
    const { comment, otherModerator } = await reportedAndHidden();
    expect((await appErrorOf(hideContent(otherModerator, { itemType: "comment", itemId: comment.id, category: "SPAM", reason: "x" }))).code).toBe("CONFLICT");
  });

  it("shows others the category, not the words; the author and moderators the reason", async () => {
    const { contribution, comment, author, reporter, moderator } = await reportedAndHidden();
    const forOthers = await listComments(contribution.id, {}, reporter.id);
    expect(forOthers.threads[0]).toMatchObject({ id: comment.id, body: "", hiddenCategory: "PERSONAL_DATA" });
    const forAuthor = await listComments(contribution.id, {}, author.id);
    expect(forAuthor.threads[0]).toMatchObject({ body: "Ruf mich an: 0170 1234567", hiddenCategory: "PERSONAL_DATA" });

    const ref = { itemType: "comment", itemId: comment.id } as const;
    expect(await getHideNotice(reporter, ref)).toBeNull();
    expect(await getHideNotice(null, ref)).toBeNull();
    expect(await getHideNotice(author, ref)).toMatchObject({ reason: "Enthält eine Telefonnummer.", category: "PERSONAL_DATA", mayRequestReview: true, mayUnhide: false });
    expect(await getHideNotice(moderator, ref)).toMatchObject({ reason: "Enthält eine Telefonnummer.", mayRequestReview: false, mayUnhide: true });
  });

  it("a hidden contribution is gone for others, and the notice tells its author why", async () => {
    const { dialogue, contribution, author, reporter, moderator } = await moderatedDialogue();
    await hideContent(moderator, { itemType: "contribution", itemId: contribution.id, category: "OFF_TOPIC", reason: "Gehört nicht in diesen Dialog." });
    expect(await getContribution({ contributionId: contribution.id, dialogueId: dialogue.id }, reporter.id)).toBeNull();
    // The dialogue's list leaves it out (as it does withdrawn ones), for everyone alike.
    const list = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" });
    expect(list.items.map((item) => item.id)).not.toContain(contribution.id);
    expect(await getHiddenContribution(reporter, { contributionId: contribution.id, dialogueId: dialogue.id })).toMatchObject({ category: "OFF_TOPIC", text: null, notice: null });
    expect(await getHiddenContribution(author, { contributionId: contribution.id, dialogueId: dialogue.id })).toMatchObject({
      category: "OFF_TOPIC",
      text: { title: contribution.title, body: "Ein Vorschlag." },
    });
    expect(await getHideNotice(author, { itemType: "contribution", itemId: contribution.id })).toMatchObject({ reason: "Gehört nicht in diesen Dialog.", category: "OFF_TOPIC" });
  });
});

describe("dismissReports and unhideContent", () => {
  it("dismisses the item's open reports with a DISMISS_REPORT entry each", async () => {
    const { dialogue, contribution, reporter, moderator, author } = await moderatedDialogue();
    await createReport(reporter, { dialogueId: dialogue.id, itemType: "contribution", itemId: contribution.id, category: "SPAM", reason: "Werbung?" });
    await createReport(author, { dialogueId: dialogue.id, itemType: "contribution", itemId: contribution.id, category: "OTHER", reason: "Test." });
    expect(await dismissReports(moderator, { itemType: "contribution", itemId: contribution.id, reason: "Ein echter Vorschlag." })).toEqual({ dismissed: 2 });
    expect((await db.report.findMany({ where: { contributionId: contribution.id } })).map((r) => r.status)).toEqual(["DISMISSED", "DISMISSED"]);
    expect((await logOf(dialogue.id)).map((entry) => [entry.type, entry.reason])).toEqual([
      ["DISMISS_REPORT", "Ein echter Vorschlag."],
      ["DISMISS_REPORT", "Ein echter Vorschlag."],
    ]);
    expect((await appErrorOf(dismissReports(moderator, { itemType: "contribution", itemId: contribution.id, reason: "x" }))).code).toBe("CONFLICT");
    expect((await appErrorOf(dismissReports(reporter, { itemType: "contribution", itemId: contribution.id, reason: "x" }))).code).toBe("FORBIDDEN");
  });

  it("unhides with a reason, logs UNHIDE and tells the author", async () => {
    const { dialogue, comment, author, otherModerator } = await reportedAndHidden();
    await unhideContent(otherModerator, { itemType: "comment", itemId: comment.id, reason: "Nummer ist die des Vereins." });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ hiddenAt: null, hiddenCategory: null });
    expect((await logOf(dialogue.id)).map((entry) => entry.type)).toEqual(["HIDE", "UNHIDE"]);
    expect((await notificationsOf(author.id)).map((n) => n.type)).toEqual(["CONTENT_HIDDEN", "CONTENT_RESTORED"]);
  });
});

describe("review of a hide", () => {
  it("the author asks once; the log says so", async () => {
    const { dialogue, author, hidden } = await reportedAndHidden();
    await requestReview(author, { hideActionId: hidden.hideActionId, reason: "Das ist die Nummer meines Vereins." });
    const again = await appErrorOf(requestReview(author, { hideActionId: hidden.hideActionId, reason: "Bitte!" }));
    expect(again.code).toBe("CONFLICT");
    expect(fieldKeys(again, "reason")).toEqual(["moderation.review.onlyOnce"]);
    expect(await db.reviewRequest.count({ where: { hideActionId: hidden.hideActionId } })).toBe(1);
    expect((await logOf(dialogue.id)).map((entry) => [entry.type, entry.actorId])).toEqual([
      ["HIDE", expect.any(String)],
      ["REVIEW_REQUESTED", author.id],
    ]);
  });

  it.each(["reporter", "otherModerator"] as const)("only the author may ask: refuses the %s", async (who) => {
    const world = await reportedAndHidden();
    expect((await appErrorOf(requestReview(world[who], { hideActionId: world.hidden.hideActionId, reason: "Bitte." }))).code).toBe("FORBIDDEN");
  });

  it("the moderator who hid cannot decide: the domain says so, and the database refuses too", async () => {
    const { author, moderator, hidden } = await reportedAndHidden();
    const request = await requestReview(author, { hideActionId: hidden.hideActionId, reason: "Bitte prüfen." });
    const error = await appErrorOf(decideReview(moderator, { reviewRequestId: request.id, decision: "REVERSED", reason: "Doch nicht." }));
    expect(error.code).toBe("FORBIDDEN");
    expect(fieldKeys(error, "reason")).toEqual(["moderation.review.otherModerator"]);
    await expectConstraint(
      db.reviewRequest.update({ where: { id: request.id }, data: { decision: "REVERSED", decidedById: moderator.id, decidedAt: new Date() } }),
      "review_by_other_moderator",
    );
    expect((await db.reviewRequest.findUniqueOrThrow({ where: { id: request.id } })).decision).toBeNull();
  });

  it("upheld keeps it hidden; a second decision is refused", async () => {
    const { dialogue, comment, author, otherModerator, hidden } = await reportedAndHidden();
    const request = await requestReview(author, { hideActionId: hidden.hideActionId, reason: "Bitte prüfen." });
    await decideReview(otherModerator, { reviewRequestId: request.id, decision: "UPHELD", reason: "Private Nummern gehören nicht hierher." });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).not.toBeNull();
    expect(await db.reviewRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ decision: "UPHELD", decidedById: otherModerator.id });
    expect((await appErrorOf(decideReview(otherModerator, { reviewRequestId: request.id, decision: "REVERSED", reason: "x" }))).code).toBe("CONFLICT");
    expect((await logOf(dialogue.id)).map((entry) => entry.type)).toEqual(["HIDE", "REVIEW_REQUESTED", "REVIEW_UPHELD"]);
    expect((await notificationsOf(author.id)).map((n) => n.type)).toEqual(["CONTENT_HIDDEN", "REVIEW_DECIDED"]);
  });

  it("reversed makes it visible again", async () => {
    const { dialogue, contribution, comment, author, reporter, otherModerator, hidden } = await reportedAndHidden();
    const request = await requestReview(author, { hideActionId: hidden.hideActionId, reason: "Bitte prüfen." });
    await decideReview(otherModerator, { reviewRequestId: request.id, decision: "REVERSED", reason: "Die Nummer ist öffentlich." });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ hiddenAt: null, hiddenCategory: null });
    const page = await listComments(contribution.id, {}, reporter.id);
    expect(page.threads[0]?.body).toBe("Ruf mich an: 0170 1234567");
    expect((await logOf(dialogue.id)).map((entry) => [entry.type, entry.reason])).toEqual([
      ["HIDE", "Enthält eine Telefonnummer."],
      ["REVIEW_REQUESTED", "Bitte prüfen."],
      ["REVIEW_REVERSED", "Die Nummer ist öffentlich."],
    ]);
  });

  it.each(["staff", "author"] as const)("a non-moderator cannot decide: the %s", async (who) => {
    const world = await reportedAndHidden();
    const request = await requestReview(world.author, { hideActionId: world.hidden.hideActionId, reason: "Bitte prüfen." });
    expect((await appErrorOf(decideReview(world[who], { reviewRequestId: request.id, decision: "REVERSED", reason: "x" }))).code).toBe("FORBIDDEN");
  });
});
