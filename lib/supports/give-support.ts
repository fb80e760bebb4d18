import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { contributionResource } from "@/lib/policy/resources";
import type { SupportBreakdown } from "@/lib/perspectives/perspectives";
import { perspectiveSnapshot } from "@/lib/perspectives/perspective-snapshot";
import { followOnTakingPart } from "@/lib/notifications/follows";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { supportCounts } from "./support-counts";

export const giveSupportInput = z.object({ contributionId: z.uuid() });

export type SupportResult = { supported: boolean; supports: SupportBreakdown };

/**
 * One support per person and contribution, exact under any number of concurrent clicks: the
 * unique index on (contributionId, userId) decides, and "already supported" is success.
 */
export async function giveSupport(viewer: Viewer | null, input: z.input<typeof giveSupportInput>): Promise<SupportResult> {
  const { contributionId } = parseInput(giveSupportInput, input);
  const { resource } = await contributionResource(contributionId);
  // The resource's owner is the author: nobody supports their own contribution (decision 024).
  authorize(viewer, "support:give", resource);
  const perspective = await perspectiveSnapshot(db, viewer.id, resource.municipalityId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.support.createMany({ data: [{ contributionId, userId: viewer.id, perspective }], skipDuplicates: true });
    // A supporter follows the contribution (decision 030); nobody is told who supported.
    if (count === 1) await followOnTakingPart(tx, viewer.id, contributionId);
  });
  return { supported: true, supports: await supportCounts(contributionId) };
}
