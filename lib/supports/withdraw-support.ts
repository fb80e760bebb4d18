import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { contributionResource } from "@/lib/policy/resources";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import type { SupportResult } from "./give-support";
import { supportCounts } from "./support-counts";

export const withdrawSupportInput = z.object({ contributionId: z.uuid() });

/** Takes the viewer's own support back; withdrawing a support that is not there is success too. */
export async function withdrawSupport(viewer: Viewer | null, input: z.input<typeof withdrawSupportInput>): Promise<SupportResult> {
  const { contributionId } = parseInput(withdrawSupportInput, input);
  const { resource } = await contributionResource(contributionId);
  // The owner of a support is its supporter: the viewer withdraws only their own.
  authorize(viewer, "support:withdraw:own", { ...resource, ownerId: viewer?.id ?? null });
  await db.support.deleteMany({ where: { contributionId, userId: viewer.id } });
  return { supported: false, supports: await supportCounts(contributionId) };
}
