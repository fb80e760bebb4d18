// Anyone signed in reports a contribution or comment with a category and a reason; one open
// report per person and item; items of another dialogue are refused.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createReport } from "@/lib/moderation/create-report";
import { listModerationQueue } from "@/lib/moderation/list-moderation-queue";
import { createComment, createContribution, createUser } from "@/tests/support/factories";
import { fieldKeys } from "@/tests/support/viewers";
import { appErrorOf, dialogueIn, moderatedDialogue, viewerOf } from "./support";

describe("createReport", () => {
  it("stores a report of a comment and of a contribution with category and reason", async () => {
    const { dialogue, contribution, comment, reporter } = await moderatedDialogue();
    const ofComment = await createReport(reporter, { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "PERSONAL_DATA", reason: "Telefonnummer." });
    const ofContribution = await createReport(reporter, { dialogueId: dialogue.id, itemType: "contribution", itemId: contribution.id, category: "SPAM", reason: "Werbung." });
    expect(ofComment.duplicate).toBe(false);
    expect(await db.report.findUniqueOrThrow({ where: { id: ofComment.id } })).toMatchObject({
      reporterId: reporter.id, commentId: comment.id, contributionId: null, category: "PERSONAL_DATA", reason: "Telefonnummer.", status: "OPEN",
    });
    expect(await db.report.findUniqueOrThrow({ where: { id: ofContribution.id } })).toMatchObject({ contributionId: contribution.id, commentId: null });
  });

  it("lets a signed-in non-member report, refuses the signed-out", async () => {
    const { dialogue, comment } = await moderatedDialogue();
    const visitor = await viewerOf((await createUser()).id);
    const report = { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "INSULT", reason: "Beleidigend." } as const;
    expect((await createReport(visitor, report)).duplicate).toBe(false);
    expect((await appErrorOf(createReport(null, report))).code).toBe("UNAUTHENTICATED");
    expect(await db.report.count({ where: { commentId: comment.id } })).toBe(1);
  });

  it("keeps one open report per person and item", async () => {
    const { dialogue, comment, reporter } = await moderatedDialogue();
    const report = { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "INSULT", reason: "Beleidigend." } as const;
    const [first, ...again] = await Promise.all([createReport(reporter, report), createReport(reporter, report), createReport(reporter, { ...report, reason: "Nochmal." })]);
    expect(again.map((r) => r.id)).toEqual([first!.id, first!.id]);
    expect(await db.report.count({ where: { commentId: comment.id, reporterId: reporter.id } })).toBe(1);
  });

  it.each(["contribution", "comment"] as const)("refuses the id of a %s of another dialogue", async (itemType) => {
    const { dialogue, reporter } = await moderatedDialogue();
    const other = await dialogueIn("COLLECTING");
    const foreign = await createContribution({ dialogueId: other.id });
    const itemId = itemType === "contribution" ? foreign.id : (await createComment({ contributionId: foreign.id })).id;
    const error = await appErrorOf(createReport(reporter, { dialogueId: dialogue.id, itemType, itemId, category: "SPAM", reason: "x" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await db.report.count({ where: { reporterId: reporter.id } })).toBe(0);
  });

  it("needs a category and a reason", async () => {
    const { dialogue, comment, reporter } = await moderatedDialogue();
    const error = await appErrorOf(createReport(reporter, { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "NOPE" as "SPAM", reason: "  " }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "reason")).toEqual(["validation.required"]);
    expect(fieldKeys(error, "category")).toEqual(["validation.invalid"]);
  });

  it("is rate-limited per person", async () => {
    const { dialogue, reporter } = await moderatedDialogue();
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const comments = await Promise.all(Array.from({ length: 21 }, () => createComment({ contributionId: contribution.id })));
    const results = [];
    for (const comment of comments) {
      results.push(await createReport(reporter, { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "SPAM", reason: "x" }).catch((e: unknown) => e));
    }
    expect(results.slice(0, 20).every((r) => !(r instanceof Error))).toBe(true);
    expect(results[20]).toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("the moderation queue", () => {
  it("groups open reports per item, the longest waiting first, with the reported words", async () => {
    const { dialogue, contribution, comment, reporter, moderator } = await moderatedDialogue();
    const second = await viewerOf((await createUser()).id);
    await createReport(reporter, { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "PERSONAL_DATA", reason: "Nummer." });
    await createReport(reporter, { dialogueId: dialogue.id, itemType: "contribution", itemId: contribution.id, category: "SPAM", reason: "Werbung." });
    await createReport(second, { dialogueId: dialogue.id, itemType: "comment", itemId: comment.id, category: "INSULT", reason: "Auch." });
    const queue = await listModerationQueue(moderator, { dialogueId: dialogue.id });
    expect(queue.reportGroups.map((group) => [group.item.ref.itemId, group.item.body, group.reports.map((r) => r.reason)])).toEqual([
      [comment.id, "Ruf mich an: 0170 1234567", ["Nummer.", "Auch."]],
      [contribution.id, "Ein Vorschlag.", ["Werbung."]],
    ]);
  });

  it("is for moderators only", async () => {
    const { dialogue, reporter, staff } = await moderatedDialogue();
    expect((await appErrorOf(listModerationQueue(reporter, { dialogueId: dialogue.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(listModerationQueue(staff, { dialogueId: dialogue.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(listModerationQueue(null, { dialogueId: dialogue.id }))).code).toBe("UNAUTHENTICATED");
  });
});
