import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import type { Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { itemInput, moderatedItem, reasonSchema } from "./moderation-item";

export const dismissReportsInput = z.object({ ...itemInput, reason: reasonSchema });

/**
 * A moderator finds nothing wrong with an item: its open reports are dismissed, each with a
 * DISMISS_REPORT entry in the log. The queue shows reports per item, so they are decided per item.
 */
export async function dismissReports(viewer: Viewer | null, input: z.input<typeof dismissReportsInput>) {
  const { reason, ...ref } = parseInput(dismissReportsInput, input);
  const { item, target, moderatorId } = await moderatedItem(viewer, "report:resolve", ref);
  return db.$transaction(async (tx) => {
    const reports = await tx.report.findMany({ where: { ...target, status: "OPEN" }, select: { id: true, reporterId: true } });
    if (reports.length === 0) throw new AppError("CONFLICT", "no open reports");
    const now = new Date();
    const { count } = await tx.report.updateMany({
      where: { id: { in: reports.map((report) => report.id) }, status: "OPEN" },
      data: { status: "DISMISSED", resolvedById: moderatorId, resolvedAt: now },
    });
    if (count !== reports.length) throw new AppError("CONFLICT", "reports resolved meanwhile");
    await tx.moderationAction.createMany({
      data: reports.map((report) => ({ dialogueId: item.dialogueId, actorId: moderatorId, type: "DISMISS_REPORT" as const, ...target, reportId: report.id, reason })),
    });
    // Each reporter learns the outcome; not who decided.
    await insertNotifications(
      tx,
      { subjectId: ref.itemId, dialogueId: item.dialogueId, ...target, to: [{ type: "REPORT_DISMISSED", audience: { kind: "users", userIds: reports.map((report) => report.reporterId) } }] },
      moderatorId,
    );
    return { dismissed: reports.length };
  });
}
