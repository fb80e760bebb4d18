import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notify } from "@/lib/notifications/notify";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { setHidden } from "./hide-content";
import { asModerated, itemColumns, itemInput, moderationItem, reasonSchema } from "./moderation-item";

export const unhideContentInput = z.object({ ...itemInput, reason: reasonSchema });

/** A moderator makes hidden content visible again, with a written reason in the log. */
export async function unhideContent(viewer: Viewer | null, input: z.input<typeof unhideContentInput>) {
  const { reason, ...ref } = parseInput(unhideContentInput, input);
  const item = await moderationItem(ref);
  authorize(viewer, "content:hide", asModerated(item));
  const moderatorId = viewer!.id;
  const target = itemColumns(ref);
  await db.$transaction(async (tx) => {
    await setHidden(tx, item, null);
    await tx.moderationAction.create({ data: { dialogueId: item.dialogueId, actorId: moderatorId, type: "UNHIDE", ...target, reason } });
    if (item.authorId) {
      await notify(tx, [{ userId: item.authorId, type: "CONTENT_RESTORED", dialogueId: item.dialogueId, ...target }], moderatorId);
    }
  });
  return { contributionId: item.contributionId };
}
