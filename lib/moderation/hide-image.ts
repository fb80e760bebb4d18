import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy/policy";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { parseInput } from "@/lib/validation";
import { checkReasonLanguage, moderatedItem, moderationCategory, reasonLanguageSchema, reasonSchema } from "./moderation-item";

// One photo of a contribution hidden or shown again on its own (decision 050): the contribution
// and its other photos stay. Who may: whoever may hide the contribution (`content:hide`, never
// one's own). Every step goes to the append-only moderation log with its reason; a hide is told
// to the author (IMAGE_HIDDEN, decision 055).

export const hideImageInput = z.object({
  imageId: z.uuid(),
  category: moderationCategory,
  reason: reasonSchema,
  reasonLanguage: reasonLanguageSchema,
});
export const unhideImageInput = z.object({ imageId: z.uuid(), reason: reasonSchema });

/** The photo and its contribution, once the moderator may hide it. */
async function moderatedImage(viewer: Viewer | null, imageId: string) {
  const image = await db.contributionImage.findUnique({ where: { id: imageId }, select: { id: true, contributionId: true } });
  if (!image) throw new AppError("NOT_FOUND", "photo not found");
  return { image, ...(await moderatedItem(viewer, "content:hide", { itemType: "contribution", itemId: image.contributionId })) };
}

export async function hideImage(viewer: Viewer | null, input: z.input<typeof hideImageInput>): Promise<void> {
  const { imageId, category, reason, reasonLanguage } = parseInput(hideImageInput, input);
  const { image, item, moderatorId } = await moderatedImage(viewer, imageId);
  checkReasonLanguage(item, reasonLanguage);
  await db.$transaction(async (tx) => {
    // Only if not hidden yet: two moderators at once log one hide.
    const { count } = await tx.contributionImage.updateMany({ where: { id: imageId, hiddenAt: null }, data: { hiddenAt: new Date(), hiddenCategory: category } });
    if (count !== 1) throw new AppError("CONFLICT", "already hidden");
    await tx.moderationAction.create({
      data: { dialogueId: item.dialogueId, actorId: moderatorId, type: "HIDE_IMAGE", contributionId: image.contributionId, contributionImageId: imageId, category, reason, reasonLanguage },
    });
    // The author is told, in their language when they read it; the category and the reason are
    // beside the photo on their contribution's page (decision 055).
    await insertNotifications(
      tx,
      { subjectId: imageId, dialogueId: item.dialogueId, contributionId: image.contributionId, to: [{ type: "IMAGE_HIDDEN", audience: { kind: "users", userIds: [item.authorId] } }] },
      moderatorId,
    );
  });
}

export async function unhideImage(viewer: Viewer | null, input: z.input<typeof unhideImageInput>): Promise<void> {
  const { imageId, reason } = parseInput(unhideImageInput, input);
  const { image, item, moderatorId } = await moderatedImage(viewer, imageId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.contributionImage.updateMany({ where: { id: imageId, hiddenAt: { not: null } }, data: { hiddenAt: null, hiddenCategory: null } });
    if (count !== 1) throw new AppError("CONFLICT", "not hidden");
    await tx.moderationAction.create({
      data: { dialogueId: item.dialogueId, actorId: moderatorId, type: "UNHIDE_IMAGE", contributionId: image.contributionId, contributionImageId: imageId, reason },
    });
  });
}
