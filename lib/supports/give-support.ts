import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { contributionResource } from "@/lib/policy/resources";
import type { SupportBreakdown } from "@/lib/perspectives/perspectives";
import { perspectiveSnapshot } from "@/lib/perspectives/perspective-snapshot";
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
  // One statement, no interactive transaction: the support and, when it is new, the supporter's
  // follow (decision 030; nobody is told who supported). A burst of supports queues for the
  // pool's connections instead of failing when a transaction cannot start within its wait. The
  // trigger goes_to_kept_contribution sends both to the kept contribution of a merged one.
  await db.$executeRaw`
    WITH given AS (
      INSERT INTO "Support" ("id", "contributionId", "userId", "perspective", "createdAt")
      VALUES (gen_random_uuid(), ${contributionId}::uuid, ${viewer.id}::uuid, ${perspective}::"Perspective", now())
      ON CONFLICT ("contributionId", "userId") DO NOTHING
      RETURNING "contributionId")
    INSERT INTO "Follow" ("id", "userId", "contributionId", "createdAt")
    SELECT gen_random_uuid(), ${viewer.id}::uuid, given."contributionId", now() FROM given
    ON CONFLICT ("userId", "contributionId") DO NOTHING`;
  return { supported: true, supports: await supportCounts(contributionId) };
}
