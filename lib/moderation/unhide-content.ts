import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { setHidden } from "./hide-content";
import { itemInput, moderatedItem, notifyModerated, reasonSchema } from "./moderation-item";

export const unhideContentInput = z.object({ ...itemInput, reason: reasonSchema });

/** A moderator makes hidden content visible again, with a written reason in the log. */
export async function unhideContent(viewer: Viewer | null, input: z.input<typeof unhideContentInput>) {
  const { reason, ...ref } = parseInput(unhideContentInput, input);
  const moderated = await moderatedItem(viewer, "content:hide", ref);
  const { item, target, moderatorId } = moderated;
  await db.$transaction(async (tx) => {
    await setHidden(tx, item, null);
    await tx.moderationAction.create({ data: { dialogueId: item.dialogueId, actorId: moderatorId, type: "UNHIDE", ...target, reason } });
    await notifyModerated(tx, moderated, { author: "CONTENT_RESTORED", followers: "FOLLOWED_RESTORED" });
  });
  return { contributionId: item.contributionId };
}
