import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { contributionResource } from "@/lib/policy/resources";

export const withdrawContributionInput = z.object({ contributionId: z.uuid() });

/** The author takes their contribution back: it stays on record, but nobody sees it any more. */
export async function withdrawContribution(viewer: Viewer | null, input: z.input<typeof withdrawContributionInput>) {
  const { contributionId } = parseInput(withdrawContributionInput, input);
  const { contribution, resource } = await contributionResource(contributionId);
  authorize(viewer, "contribution:withdraw:own", resource);
  await db.contribution.updateMany({ where: { id: contribution.id, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
  return { dialogueId: contribution.dialogueId };
}
