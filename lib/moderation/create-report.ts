import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { consume } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { itemColumns, itemInput, moderationCategory, moderationItem, reasonSchema } from "./moderation-item";

export const createReportInput = z.object({
  /** The dialogue of the page the report was made on; an item of another dialogue is refused. */
  dialogueId: z.uuid(),
  ...itemInput,
  category: moderationCategory,
  reason: reasonSchema,
});

/**
 * Anyone signed in reports a contribution or comment with a category and a reason. One open
 * report per person and item is enough: a second one returns the first (`duplicate`).
 */
export async function createReport(viewer: Viewer | null, input: z.input<typeof createReportInput>) {
  const { dialogueId, category, reason, ...ref } = parseInput(createReportInput, input);
  const item = await moderationItem(ref);
  if (item.dialogueId !== dialogueId) throw new AppError("NOT_FOUND", `${ref.itemType} not found`);
  authorize(viewer, "report:create", { ...item.resource, ownerId: undefined });
  const reporterId = viewer.id;
  await consume("reportPerPerson", reporterId);
  const target = itemColumns(ref);
  return db.$transaction(async (tx) => {
    // Two quick submits of the same form must not make two open reports.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`report:${reporterId}:${ref.itemId}`}, 0))`;
    const open = await tx.report.findFirst({ where: { reporterId, status: "OPEN", ...target }, select: { id: true } });
    if (open) return { id: open.id, duplicate: true };
    const report = await tx.report.create({ data: { reporterId, ...target, category, reason }, select: { id: true } });
    // Those who can act on it: the dialogue's moderators and the municipality's, not the item's
    // author (decision 030). Several reports of one item before they look are one unread row.
    await insertNotifications(
      tx,
      { subjectId: ref.itemId, dialogueId, ...target, to: [{ type: "REPORT_CREATED", audience: { kind: "moderators", dialogueId, exceptAuthorId: item.authorId } }] },
      reporterId,
    );
    return { id: report.id, duplicate: false };
  });
}
