import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Resource } from "@/lib/policy/policy";
import { visibleContribution } from "@/lib/policy/visibility";

/** A comment as the policy sees it: its dialogue's municipality and phase, its author as owner. */
export async function commentResource(commentId: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      authorId: true,
      contributionId: true,
      deletedAt: true,
      hiddenAt: true,
      contribution: {
        select: { withdrawnAt: true, hiddenAt: true, dialogueId: true, dialogue: { select: { municipalityId: true, phase: true } } },
      },
    },
  });
  if (!comment || comment.deletedAt || !visibleContribution.holds(comment.contribution)) {
    throw new AppError("NOT_FOUND", "comment not found");
  }
  const resource: Resource = {
    municipalityId: comment.contribution.dialogue.municipalityId,
    dialogueId: comment.contribution.dialogueId,
    phase: comment.contribution.dialogue.phase,
    ownerId: comment.authorId,
  };
  return { comment, resource };
}
