import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { checkReasonLanguage, itemInput, moderatedItem, moderationCategory, notifyModerated, reasonLanguageSchema, reasonSchema, type ModerationItem } from "./moderation-item";

export const hideContentInput = z.object({
  ...itemInput,
  category: moderationCategory,
  reason: reasonSchema,
  reasonLanguage: reasonLanguageSchema,
});

/** Sets or clears the hidden mark, only if it is not already so (two moderators at once). */
export async function setHidden(tx: Prisma.TransactionClient, item: ModerationItem, hidden: { at: Date; category: ModerationCategory } | null) {
  const data = { hiddenAt: hidden?.at ?? null, hiddenCategory: hidden?.category ?? null };
  const where = { id: item.ref.itemId, hiddenAt: hidden ? null : { not: null } };
  const { count } =
    item.ref.itemType === "contribution" ? await tx.contribution.updateMany({ where, data }) : await tx.comment.updateMany({ where, data });
  if (count !== 1) throw new AppError("CONFLICT", hidden ? "already hidden" : "not hidden");
}

/**
 * A moderator hides a contribution or comment with a category and a written reason. The
 * author sees the reason; everyone else sees that it was hidden and the category. The item's
 * open reports are upheld, and the hide goes to the log.
 */
export async function hideContent(viewer: Viewer | null, input: z.input<typeof hideContentInput>) {
  const { category, reason, reasonLanguage, ...ref } = parseInput(hideContentInput, input);
  const moderated = await moderatedItem(viewer, "content:hide", ref);
  const { item, target, moderatorId } = moderated;
  checkReasonLanguage(item, reasonLanguage);
  return db.$transaction(async (tx) => {
    const now = new Date();
    await setHidden(tx, item, { at: now, category });
    const reports = await tx.report.findMany({ where: { ...target, status: "OPEN" }, orderBy: { createdAt: "asc" }, select: { id: true, reporterId: true } });
    const action = await tx.moderationAction.create({
      data: { dialogueId: item.dialogueId, actorId: moderatorId, type: "HIDE", ...target, reportId: reports[0]?.id ?? null, category, reason, reasonLanguage },
      select: { id: true },
    });
    await tx.report.updateMany({
      where: { id: { in: reports.map((report) => report.id) } },
      data: { status: "UPHELD", resolvedById: moderatorId, resolvedAt: now },
    });
    // The author (with the reason, on the notice page), the reporters (the outcome, without the
    // moderator's name) and, for a contribution, its followers (that it is hidden, nothing more).
    await notifyModerated(tx, moderated, {
      author: "CONTENT_HIDDEN",
      followers: "FOLLOWED_HIDDEN",
      others: [{ type: "REPORT_UPHELD", audience: { kind: "users", userIds: reports.map((report) => report.reporterId) } }],
    });
    return { hideActionId: action.id, upheldReports: reports.length };
  });
}
