import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { PERSPECTIVE_ORDER } from "@/lib/perspectives/perspectives";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";
import { visibleContribution } from "@/lib/policy/visibility";

export const recordMeetingSupportInput = z.object({
  contributionId: z.uuid(),
  meetingId: z.uuid(),
  perspective: z.enum(PERSPECTIVE_ORDER),
  count: z.coerce.number().int().min(1).max(10_000),
});

/**
 * "At meeting X, N people with lived experience supported this": counted by show of hands or
 * on paper, recorded per contribution × meeting × perspective by those who may enter offline
 * voices. Counted apart from online supports. Recording the same meeting and perspective again
 * corrects the count rather than adding to it, so a tally entered twice does not count twice.
 */
export async function recordMeetingSupport(viewer: Viewer | null, input: z.input<typeof recordMeetingSupportInput>) {
  const data = parseInput(recordMeetingSupportInput, input);
  const contribution = await db.contribution.findFirst({
    where: { ...visibleContribution.where, id: data.contributionId },
    select: { dialogueId: true },
  });
  if (!contribution) throw new AppError("NOT_FOUND", "contribution not found");
  authorize(viewer, "contribution:create:on-behalf", await dialogueResource(contribution.dialogueId));
  const meeting = await db.meeting.findFirst({ where: { id: data.meetingId, dialogueId: contribution.dialogueId }, select: { id: true } });
  if (!meeting) throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: { meetingId: [{ key: "validation.invalid" }] } });

  const key = { contributionId: data.contributionId, meetingId: data.meetingId, perspective: data.perspective };
  return db.meetingSupport.upsert({
    where: { contributionId_meetingId_perspective: key },
    create: { ...key, count: data.count, recordedById: viewer.id },
    update: { count: data.count, recordedById: viewer.id },
    select: { id: true, count: true },
  });
}
