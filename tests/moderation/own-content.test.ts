// A moderator whose own words are reported (security review, decision 030): they are not told of
// the report, do not see it in their queue nor in the header count, and may not dismiss it, hide,
// unhide or decide a review of their own item; another moderator does. The queue names no
// reporter to any moderator.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createReport } from "@/lib/moderation/create-report";
import { decideReview } from "@/lib/moderation/decide-review";
import { dismissReports } from "@/lib/moderation/dismiss-reports";
import { getHideNotice } from "@/lib/moderation/get-hide-notice";
import { hideContent } from "@/lib/moderation/hide-content";
import { listModerationQueue } from "@/lib/moderation/list-moderation-queue";
import { listMunicipalQueue } from "@/lib/moderation/list-municipal-queue";
import { moderationLink } from "@/lib/moderation/moderation-link";
import { requestReview } from "@/lib/moderation/request-review";
import { unhideContent } from "@/lib/moderation/unhide-content";
import { createComment, createContribution, createUser } from "@/tests/support/factories";
import { appErrorOf, member, moderatedDialogue, viewerOf } from "./support";

async function moderatorReported() {
  const setup = await moderatedDialogue();
  const { dialogue, moderator, reporter } = setup;
  const own = await createContribution({ dialogueId: dialogue.id, authorId: moderator.id, body: "Mein eigener Beitrag." });
  const ownComment = await createComment({ contributionId: setup.contribution.id, authorId: moderator.id, body: "Mein eigener Kommentar." });
  // A moderator of the whole municipality, who sees every dialogue's reports.
  const municipal = await createUser();
  await db.municipalityMembership.create({ data: { userId: municipal.id, municipalityId: dialogue.municipalityId, role: "MODERATOR" } });
  await createReport(reporter, { dialogueId: dialogue.id, itemType: "contribution", itemId: own.id, category: "INSULT", reason: "beleidigend" });
  await createReport(reporter, { dialogueId: dialogue.id, itemType: "comment", itemId: ownComment.id, category: "INSULT", reason: "auch" });
  return { ...setup, own, ownComment, municipalModerator: await viewerOf(municipal.id) };
}

const reported = (userId: string) => db.notification.findMany({ where: { userId, type: "REPORT_CREATED" }, select: { contributionId: true, commentId: true } });

describe("a moderator whose own contribution or comment is reported", () => {
  it("is not told of the report", async () => {
    const { moderator } = await moderatorReported();
    expect(await reported(moderator.id)).toEqual([]);
  });

  it.each(["otherModerator", "municipalModerator"] as const)("is not told of the report; the %s is", async (who) => {
    const world = await moderatorReported();
    const { own, ownComment } = world;
    expect(await reported(world[who].id)).toEqual(
      expect.arrayContaining([
        { contributionId: own.id, commentId: null },
        { contributionId: null, commentId: ownComment.id },
      ]),
    );
  });

  it("does not find it in their queue, the municipality's queue nor the header count; others do, without the reporter's name", async () => {
    const { dialogue, moderator, otherModerator, municipalModerator, own, ownComment } = await moderatorReported();
    const theirs = await listModerationQueue(moderator, { dialogueId: dialogue.id });
    expect(theirs.reportGroups).toEqual([]);
    expect(await moderationLink(await viewerOf(moderator.id))).toEqual({ count: 0, path: expect.stringMatching(/\/moderation$/) });

    const others = await listModerationQueue(otherModerator, { dialogueId: dialogue.id });
    expect(others.reportGroups.map((group) => group.item.ref.itemId)).toEqual([own.id, ownComment.id]);
    const reports = others.reportGroups.flatMap((group) => group.reports);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.filter((report) => "reporter" in report)).toEqual([]);
    expect((await moderationLink(await viewerOf(otherModerator.id)))?.count).toBe(2);

    // The municipal moderator who wrote a reported comment elsewhere sees none of their own either.
    const municipalOwn = await createComment({ contributionId: own.id, authorId: municipalModerator.id, body: "Von mir." });
    await createReport(otherModerator, { dialogueId: dialogue.id, itemType: "comment", itemId: municipalOwn.id, category: "SPAM", reason: "x" });
    const municipalQueue = await listMunicipalQueue(municipalModerator, { municipalityId: dialogue.municipalityId });
    expect(municipalQueue.flatMap((entry) => entry.queue.reportGroups.map((group) => group.item.ref.itemId))).toEqual([own.id, ownComment.id]);
    expect((await moderationLink(municipalModerator))?.count).toBe(2);
    // With only their own item reported, the municipality's queue has no dialogue for them.
    await dismissReports(otherModerator, { itemType: "contribution", itemId: own.id, reason: "passt" });
    await dismissReports(otherModerator, { itemType: "comment", itemId: ownComment.id, reason: "passt" });
    expect(await listMunicipalQueue(municipalModerator, { municipalityId: dialogue.municipalityId })).toEqual([]);
    expect((await moderationLink(municipalModerator))?.count).toBe(0);
  });

  it("may not dismiss the reports on it nor hide it; another moderator may", async () => {
    const { moderator, otherModerator, own, ownComment } = await moderatorReported();
    expect((await appErrorOf(dismissReports(moderator, { itemType: "contribution", itemId: own.id, reason: "passt" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(hideContent(moderator, { itemType: "comment", itemId: ownComment.id, category: "INSULT", reason: "Selbst." }))).code).toBe("FORBIDDEN");
    expect(await db.report.count({ where: { status: "OPEN", OR: [{ contributionId: own.id }, { commentId: ownComment.id }] } })).toBe(2);
    expect(await dismissReports(otherModerator, { itemType: "contribution", itemId: own.id, reason: "passt" })).toEqual({ dismissed: 1 });
  });

  it("may not unhide it nor decide the review of its hide", async () => {
    const { dialogue, moderator, otherModerator, ownComment } = await moderatorReported();
    const third = await member(dialogue.id, "MODERATOR");
    const ref = { itemType: "comment" as const, itemId: ownComment.id };
    const { hideActionId } = await hideContent(otherModerator, { ...ref, category: "INSULT", reason: "Beleidigend." });
    // As the author they read the reason, but the notice offers no unhide.
    expect(await getHideNotice(moderator, ref)).toMatchObject({ isAuthor: true, mayUnhide: false });
    expect((await appErrorOf(unhideContent(moderator, { ...ref, reason: "Doch nicht." }))).code).toBe("FORBIDDEN");
    const { id: reviewRequestId } = await requestReview(moderator, { hideActionId, reason: "Bitte ansehen." });
    expect((await appErrorOf(decideReview(moderator, { reviewRequestId, decision: "REVERSED", reason: "Selbst." }))).code).toBe("FORBIDDEN");
    // Their queue does not offer the review; a third moderator's does, and decides it.
    expect((await listModerationQueue(moderator, { dialogueId: dialogue.id })).reviews).toEqual([]);
    expect((await listModerationQueue(third, { dialogueId: dialogue.id })).reviews.map((review) => review.id)).toEqual([reviewRequestId]);
    await decideReview(third, { reviewRequestId, decision: "REVERSED", reason: "Passt." });
    expect((await db.comment.findUniqueOrThrow({ where: { id: ownComment.id } })).hiddenAt).toBeNull();
  });
});
