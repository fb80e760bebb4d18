import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import type { Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { setHidden } from "./hide-content";
import { followersOf, itemInput, moderatedItem, reasonSchema } from "./moderation-item";

export const unhideContentInput = z.object({ ...itemInput, reason: reasonSchema });

/** A moderator makes hidden content visible again, with a written reason in the log. */
export async function unhideContent(viewer: Viewer | null, input: z.input<typeof unhideContentInput>) {
  const { reason, ...ref } = parseInput(unhideContentInput, input);
  const { item, target, moderatorId } = await moderatedItem(viewer, "content:hide", ref);
  await db.$transaction(async (tx) => {
    await setHidden(tx, item, null);
    await tx.moderationAction.create({ data: { dialogueId: item.dialogueId, actorId: moderatorId, type: "UNHIDE", ...target, reason } });
    await insertNotifications(
      tx,
      {
        subjectId: ref.itemId,
        dialogueId: item.dialogueId,
        ...target,
        to: [
          { type: "CONTENT_RESTORED", audience: { kind: "users", userIds: [item.authorId] } },
          ...followersOf(ref, "FOLLOWED_RESTORED"),
        ],
      },
      moderatorId,
    );
  });
  return { contributionId: item.contributionId };
}
