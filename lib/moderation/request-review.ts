import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { itemColumns, moderationItem, reasonSchema, type ItemRef } from "./moderation-item";

export const requestReviewInput = z.object({ hideActionId: z.uuid(), reason: reasonSchema });

const refused = (key: string) => ({ fieldErrors: { reason: [{ key }] } });

/** The hide a review is about, with its item; only the item's current hide can be reviewed. */
export async function currentHide(hideActionId: string) {
  const hide = await db.moderationAction.findUnique({
    where: { id: hideActionId },
    select: { id: true, type: true, actorId: true, contributionId: true, commentId: true },
  });
  if (!hide || hide.type !== "HIDE") throw new AppError("NOT_FOUND", "hide not found");
  const ref: ItemRef = hide.contributionId ? { itemType: "contribution", itemId: hide.contributionId } : { itemType: "comment", itemId: hide.commentId! };
  const item = await moderationItem(ref);
  const latest = await db.moderationAction.findFirst({
    where: { type: "HIDE", ...itemColumns(ref) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const current = item.hiddenAt !== null && latest?.id === hide.id;
  return { hide, item, current };
}

/**
 * The author asks that a hide be looked at again, once per hide, with a reason. A moderator
 * other than the one who hid decides (decideReview).
 */
export async function requestReview(viewer: Viewer | null, input: z.input<typeof requestReviewInput>) {
  const { hideActionId, reason } = parseInput(requestReviewInput, input);
  const { hide, item, current } = await currentHide(hideActionId);
  authorize(viewer, "review:request:own", item.resource);
  if (!current) throw new AppError("CONFLICT", "no longer hidden", refused("moderation.review.notHidden"));
  const requesterId = viewer.id;
  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.reviewRequest.create({ data: { hideActionId: hide.id, requesterId, reason }, select: { id: true } });
      await tx.moderationAction.create({
        data: { dialogueId: item.dialogueId, actorId: requesterId, type: "REVIEW_REQUESTED", ...itemColumns(item.ref), reason },
      });
      return request;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "review already requested", refused("moderation.review.onlyOnce"));
    }
    throw error;
  }
}
