// Fair conflict (principle 5): every moderation step goes to an append-only log with a written
// reason; a hide is reviewed by another moderator; reports and hides are complete.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addMember, createComment, createContribution, createDialogue, createUser } from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

async function moderatedContribution() {
  const dialogue = await createDialogue();
  const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
  const contribution = await createContribution({ dialogueId: dialogue.id, authorId: author.id });
  const moderator = await createUser({ perspective: "LOCAL_ACTOR" });
  const otherModerator = await createUser({ perspective: "LIVED_EXPERIENCE" });
  await addMember(dialogue.id, moderator.id, "MODERATOR");
  await addMember(dialogue.id, otherModerator.id, "MODERATOR");
  return { dialogue, author, contribution, moderator, otherModerator };
}

type Moderated = Awaited<ReturnType<typeof moderatedContribution>>;

/** Logs an action by the first moderator of the dialogue. */
function logAction(
  { dialogue, moderator }: Moderated,
  action: Omit<Prisma.ModerationActionUncheckedCreateInput, "dialogueId" | "actorId">,
) {
  return db.moderationAction.create({ data: { dialogueId: dialogue.id, actorId: moderator.id, ...action } });
}

async function hiddenContribution() {
  const setup = await moderatedContribution();
  const hide = await logAction(setup, {
    type: "HIDE",
    contributionId: setup.contribution.id,
    category: "PERSONAL_DATA",
    reason: "Enthält die Telefonnummer einer anderen Person.",
  });
  return { ...setup, hide };
}

describe("moderation_action_append_only", () => {
  it("refuses to UPDATE a logged action", async () => {
    const { hide } = await hiddenContribution();
    await expectConstraint(
      db.moderationAction.update({ where: { id: hide.id }, data: { reason: "Anders begründet." } }),
      "moderation_action_append_only",
    );
    expect(await db.moderationAction.findUniqueOrThrow({ where: { id: hide.id } })).toEqual(hide);
  });

  it("refuses to DELETE a logged action", async () => {
    const { hide } = await hiddenContribution();
    await expectConstraint(db.moderationAction.delete({ where: { id: hide.id } }), "moderation_action_append_only");
    await expectConstraint(
      db.$executeRaw`DELETE FROM "ModerationAction" WHERE "id" = ${hide.id}::uuid`,
      "moderation_action_append_only",
    );
    expect(await db.moderationAction.count({ where: { id: hide.id } })).toBe(1);
  });

  it("refuses to TRUNCATE the log, even with CASCADE", async () => {
    const { hide } = await hiddenContribution();
    const refused = await expectConstraint(
      db.$executeRawUnsafe(`TRUNCATE "ModerationAction" CASCADE`),
      "moderation_action_append_only",
    );
    expect(refused.message).toContain("TRUNCATE");
    expect(await db.moderationAction.count({ where: { id: hide.id } })).toBe(1);
  });
});

describe("what a logged action must say", () => {
  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["longer than 2000 characters", "x".repeat(2001)],
  ])("moderation_reason_written: refuses a reason that is %s", async (_label, reason) => {
    const setup = await moderatedContribution();
    await expectConstraint(
      logAction(setup, { type: "HIDE", contributionId: setup.contribution.id, category: "SPAM", reason }),
      "moderation_reason_written",
    );
  });

  it("moderation_hide_has_category: refuses a HIDE without a category", async () => {
    const setup = await moderatedContribution();
    await expectConstraint(
      logAction(setup, { type: "HIDE", contributionId: setup.contribution.id, reason: "Werbung." }),
      "moderation_hide_has_category",
    );
  });

  it("moderation_content_action_has_one_target: refuses a HIDE of nothing or of two things", async () => {
    const setup = await moderatedContribution();
    const comment = await createComment({ contributionId: setup.contribution.id });
    const hide = { type: "HIDE", category: "INSULT", reason: "Beleidigung." } as const;
    await expectConstraint(logAction(setup, hide), "moderation_content_action_has_one_target");
    await expectConstraint(
      logAction(setup, { ...hide, contributionId: setup.contribution.id, commentId: comment.id }),
      "moderation_content_action_has_one_target",
    );
    const hideOfComment = await logAction(setup, { ...hide, commentId: comment.id });
    expect(hideOfComment.commentId).toBe(comment.id);
  });

  it("moderation_user_action_names_user: refuses a suspension of nobody", async () => {
    const setup = await moderatedContribution();
    await expectConstraint(
      logAction(setup, { type: "SUSPEND_USER", reason: "Wiederholte Beleidigungen." }),
      "moderation_user_action_names_user",
    );
  });

  it("moderation_mediation_names_case: refuses opening a mediation without its case", async () => {
    const setup = await moderatedContribution();
    await expectConstraint(
      logAction(setup, { type: "MEDIATION_OPENED", reason: "Streit um Zuständigkeit." }),
      "moderation_mediation_names_case",
    );
  });
});

describe("review of a hide", () => {
  it("review_by_other_moderator: refuses a review decided by the moderator who hid", async () => {
    const { author, moderator, hide } = await hiddenContribution();
    await expectConstraint(
      db.reviewRequest.create({
        data: {
          hideActionId: hide.id,
          requesterId: author.id,
          reason: "Die Nummer ist die meines Vereins.",
          decision: "REVERSED",
          decidedById: moderator.id,
          decidedAt: new Date(),
        },
      }),
      "review_by_other_moderator",
    );
  });

  it("review_by_other_moderator: refuses deciding an open request as the moderator who hid", async () => {
    const { author, moderator, otherModerator, hide } = await hiddenContribution();
    const request = await db.reviewRequest.create({
      data: { hideActionId: hide.id, requesterId: author.id, reason: "Das ist die Nummer meines Vereins." },
    });
    await expectConstraint(
      db.reviewRequest.update({
        where: { id: request.id },
        data: { decision: "UPHELD", decidedById: moderator.id, decidedAt: new Date() },
      }),
      "review_by_other_moderator",
    );
    const decided = await db.reviewRequest.update({
      where: { id: request.id },
      data: { decision: "REVERSED", decidedById: otherModerator.id, decidedAt: new Date() },
    });
    expect(decided.decidedById).toBe(otherModerator.id);
  });

  it("review_of_a_hide: refuses a review request of an action that is not a HIDE", async () => {
    const setup = await moderatedContribution();
    const unhide = await logAction(setup, {
      type: "UNHIDE",
      contributionId: setup.contribution.id,
      reason: "Nach Rücksprache wieder sichtbar.",
    });
    await expectConstraint(
      db.reviewRequest.create({
        data: { hideActionId: unhide.id, requesterId: setup.author.id, reason: "Bitte prüfen." },
      }),
      "review_of_a_hide",
    );
  });

  it("ReviewRequest_hideActionId_key: refuses a second review request of the same hide", async () => {
    const { author, hide } = await hiddenContribution();
    const request = { hideActionId: hide.id, requesterId: author.id, reason: "Bitte prüfen." };
    await db.reviewRequest.create({ data: request });
    await expectConstraint(db.reviewRequest.create({ data: request }), "ReviewRequest_hideActionId_key");
  });

  it("review_decision_complete: refuses a decision without who decided or when", async () => {
    const { author, otherModerator, hide } = await hiddenContribution();
    const request = { hideActionId: hide.id, requesterId: author.id, reason: "Bitte prüfen." };
    await expectConstraint(
      db.reviewRequest.create({ data: { ...request, decision: "UPHELD", decidedAt: new Date() } }),
      "review_decision_complete",
    );
    await expectConstraint(
      db.reviewRequest.create({ data: { ...request, decision: "UPHELD", decidedById: otherModerator.id } }),
      "review_decision_complete",
    );
  });
});

describe("reports", () => {
  it("report_has_one_target: refuses a report of nothing or of two things", async () => {
    const { contribution } = await moderatedContribution();
    const comment = await createComment({ contributionId: contribution.id });
    const reporter = await createUser();
    const report = { reporterId: reporter.id, category: "INSULT", reason: "Beleidigend." } as const;
    await expectConstraint(db.report.create({ data: report }), "report_has_one_target");
    await expectConstraint(
      db.report.create({ data: { ...report, contributionId: contribution.id, commentId: comment.id } }),
      "report_has_one_target",
    );
  });

  it("report_resolution_complete: a resolution names resolver and time, an open report neither", async () => {
    const { contribution, moderator } = await moderatedContribution();
    const reporter = await createUser();
    const report = {
      reporterId: reporter.id,
      contributionId: contribution.id,
      category: "SPAM",
      reason: "Werbung.",
    } as const;
    await expectConstraint(db.report.create({ data: { ...report, status: "UPHELD" } }), "report_resolution_complete");
    await expectConstraint(
      db.report.create({ data: { ...report, status: "DISMISSED", resolvedAt: new Date() } }),
      "report_resolution_complete",
    );
    await expectConstraint(
      db.report.create({ data: { ...report, resolvedById: moderator.id, resolvedAt: new Date() } }),
      "report_resolution_complete",
    );
    const resolved = await db.report.create({
      data: { ...report, status: "UPHELD", resolvedById: moderator.id, resolvedAt: new Date() },
    });
    expect(resolved.status).toBe("UPHELD");
  });

  it("report_reason_length: refuses a reason longer than 2000 characters", async () => {
    const { contribution } = await moderatedContribution();
    const reporter = await createUser();
    await expectConstraint(
      db.report.create({
        data: { reporterId: reporter.id, contributionId: contribution.id, category: "OTHER", reason: "x".repeat(2001) },
      }),
      "report_reason_length",
    );
  });
});

describe("hidden content says why", () => {
  it("contribution_hidden_pair: refuses hiddenAt without hiddenCategory and the other way round", async () => {
    const { contribution } = await moderatedContribution();
    await expectConstraint(
      db.contribution.update({ where: { id: contribution.id }, data: { hiddenAt: new Date() } }),
      "contribution_hidden_pair",
    );
    await expectConstraint(
      db.contribution.update({ where: { id: contribution.id }, data: { hiddenCategory: "SPAM" } }),
      "contribution_hidden_pair",
    );
  });

  it("comment_hidden_pair: refuses hiddenAt without hiddenCategory and the other way round", async () => {
    const { contribution } = await moderatedContribution();
    const comment = await createComment({ contributionId: contribution.id });
    await expectConstraint(
      db.comment.update({ where: { id: comment.id }, data: { hiddenAt: new Date() } }),
      "comment_hidden_pair",
    );
    await expectConstraint(
      db.comment.update({ where: { id: comment.id }, data: { hiddenCategory: "INSULT" } }),
      "comment_hidden_pair",
    );
  });
});
