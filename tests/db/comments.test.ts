// Comments have one level of replies, and a reply stays on its parent's contribution
// (trigger comment_reply_depth).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createComment, createContribution, createDialogue } from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

async function commentOnNewContribution() {
  const dialogue = await createDialogue();
  const contribution = await createContribution({ dialogueId: dialogue.id });
  const comment = await createComment({ contributionId: contribution.id });
  return { dialogue, contribution, comment };
}

describe("comment_reply_depth", () => {
  it("accepts a reply to a top-level comment of the same contribution", async () => {
    const { contribution, comment } = await commentOnNewContribution();
    const reply = await createComment({ contributionId: contribution.id, parentId: comment.id });
    expect(reply.parentId).toBe(comment.id);
  });

  it("refuses a reply to a reply", async () => {
    const { contribution, comment } = await commentOnNewContribution();
    const reply = await createComment({ contributionId: contribution.id, parentId: comment.id });
    await expectConstraint(
      createComment({ contributionId: contribution.id, parentId: reply.id }),
      "comment_reply_depth",
    );
  });

  it("refuses a reply on another contribution than its parent's", async () => {
    const { dialogue, comment } = await commentOnNewContribution();
    const otherContribution = await createContribution({ dialogueId: dialogue.id });
    await expectConstraint(
      createComment({ contributionId: otherContribution.id, parentId: comment.id }),
      "comment_reply_depth",
    );
  });

  it("refuses to move a reply under a reply or onto another contribution", async () => {
    const { dialogue, contribution, comment } = await commentOnNewContribution();
    const reply = await createComment({ contributionId: contribution.id, parentId: comment.id });
    const secondReply = await createComment({ contributionId: contribution.id, parentId: comment.id });
    await expectConstraint(
      db.comment.update({ where: { id: secondReply.id }, data: { parentId: reply.id } }),
      "comment_reply_depth",
    );
    const otherContribution = await createContribution({ dialogueId: dialogue.id });
    await expectConstraint(
      db.comment.update({ where: { id: reply.id }, data: { contributionId: otherContribution.id } }),
      "comment_reply_depth",
    );
  });

  it("refuses to turn a comment that has replies into a reply", async () => {
    const { contribution, comment } = await commentOnNewContribution();
    await createComment({ contributionId: contribution.id, parentId: comment.id });
    const otherTopLevel = await createComment({ contributionId: contribution.id });
    await expectConstraint(
      db.comment.update({ where: { id: comment.id }, data: { parentId: otherTopLevel.id } }),
      "comment_reply_depth",
    );
  });

  it("refuses a comment that replies to itself", async () => {
    const { contribution } = await commentOnNewContribution();
    const id = randomUUID();
    await expectConstraint(createComment({ id, contributionId: contribution.id, parentId: id }), "comment_reply_depth");
  });
});
