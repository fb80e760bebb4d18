import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { setHidden } from "./hide-content";
import { asModerated, itemColumns, reasonSchema } from "./moderation-item";
import { currentHide } from "./request-review";

export const decideReviewInput = z.object({ reviewRequestId: z.uuid(), decision: z.enum(["UPHELD", "REVERSED"]), reason: reasonSchema });

const refused = (key: string) => ({ fieldErrors: { reason: [{ key }] } });

/**
 * A moderator other than the one who hid decides a review: UPHELD keeps it hidden, REVERSED
 * makes it visible again. The database refuses the same moderator too (trigger
 * review_by_other_moderator); this says so first, in words.
 */
export async function decideReview(viewer: Viewer | null, input: z.input<typeof decideReviewInput>) {
  const { reviewRequestId, decision, reason } = parseInput(decideReviewInput, input);
  const request = await db.reviewRequest.findUnique({ where: { id: reviewRequestId }, select: { id: true, hideActionId: true, requesterId: true, decision: true } });
  if (!request) throw new AppError("NOT_FOUND", "review request not found");
  const { hide, item } = await currentHide(request.hideActionId);
  authorize(viewer, "review:decide", asModerated(item));
  const moderatorId = viewer.id;
  if (hide.actorId === moderatorId) throw new AppError("FORBIDDEN", "review by the moderator who hid", refused("moderation.review.otherModerator"));
  if (request.decision) throw new AppError("CONFLICT", "review already decided", refused("moderation.review.decided"));
  const target = itemColumns(item.ref);
  await db.$transaction(async (tx) => {
    const { count } = await tx.reviewRequest.updateMany({
      where: { id: request.id, decision: null },
      data: { decision, decidedById: moderatorId, decidedAt: new Date() },
    });
    if (count !== 1) throw new AppError("CONFLICT", "review already decided", refused("moderation.review.decided"));
    if (decision === "REVERSED" && item.hiddenAt) await setHidden(tx, item, null);
    await tx.moderationAction.create({
      data: { dialogueId: item.dialogueId, actorId: moderatorId, type: decision === "REVERSED" ? "REVIEW_REVERSED" : "REVIEW_UPHELD", ...target, reason },
    });
    // The one who asked hears the decision; a restored contribution's followers hear it is back.
    const restored = decision === "REVERSED" && item.hiddenAt !== null && item.ref.itemType === "contribution";
    await insertNotifications(
      tx,
      {
        subjectId: item.ref.itemId,
        dialogueId: item.dialogueId,
        ...target,
        to: [
          { type: "REVIEW_DECIDED", audience: { kind: "users", userIds: [request.requesterId] } },
          ...(restored ? [{ type: "FOLLOWED_RESTORED" as const, audience: { kind: "contributionFollowers" as const, contributionId: item.ref.itemId } }] : []),
        ],
      },
      moderatorId,
    );
  });
  return { decision, contributionId: item.contributionId };
}
