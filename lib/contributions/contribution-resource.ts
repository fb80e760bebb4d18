import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Resource } from "@/lib/policy/policy";
import { visibleContribution } from "@/lib/policy/visibility";

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
