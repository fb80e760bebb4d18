import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Resource } from "./policy";
import { visibleContribution } from "./visibility";

// The policy's resource loaders (decision 043): what a permission is asked about, loaded in one
// query each, with the read-side rules of ./visibility.ts applied.

/** The policy's view of a dialogue: which municipality, which phase. */
export async function dialogueResource(dialogueId: string, ownerId?: string | null): Promise<Resource> {
  const dialogue = await db.dialogue.findUnique({
    where: { id: dialogueId },
    select: { id: true, municipalityId: true, phase: true },
  });
  if (!dialogue) throw new AppError("NOT_FOUND", "dialogue not found");
  return { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase, ownerId };
}

/**
 * A contribution as the policy sees it: its dialogue's municipality and phase, and its author
 * as owner. Withdrawn and hidden contributions are gone for everything that hangs on them.
 */
export async function contributionResource(contributionId: string) {
  const contribution = await db.contribution.findUnique({
    where: { id: contributionId },
    select: {
      id: true,
      authorId: true,
      dialogueId: true,
      createdAt: true,
      withdrawnAt: true,
      mergedAt: true,
      hiddenAt: true,
      dialogue: { select: { municipalityId: true, phase: true } },
    },
  });
  if (!contribution || !visibleContribution.holds(contribution)) throw new AppError("NOT_FOUND", "contribution not found");
  const resource: Resource = {
    municipalityId: contribution.dialogue.municipalityId,
    dialogueId: contribution.dialogueId,
    phase: contribution.dialogue.phase,
    ownerId: contribution.authorId,
    createdAt: contribution.createdAt,
  };
  return { contribution, resource };
}

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
        select: { withdrawnAt: true, mergedAt: true, hiddenAt: true, dialogueId: true, dialogue: { select: { municipalityId: true, phase: true } } },
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
