import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PERSPECTIVE_ORDER } from "@/lib/perspectives/perspectives";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { pollResource } from "./poll-resource";

const count = z.coerce.number().int().min(0).max(10_000);

export const recordPollMeetingCountInput = z.object({
  pollId: z.uuid(),
  meetingId: z.uuid(),
  perspective: z.enum(PERSPECTIVE_ORDER),
  /** Hands per answer, by the option's id. */
  counts: z.record(z.uuid(), count),
});

/**
 * "At meeting X, of the people with lived experience, 7 said yes and 3 no": the recorder (or the
 * host team) enters the hands counted for each answer of one perspective group, like supports
 * counted at a meeting. Kept apart from online answers; entering the same meeting and group
 * again corrects the counts instead of adding to them.
 */
export async function recordPollMeetingCount(viewer: Viewer | null, input: z.input<typeof recordPollMeetingCountInput>) {
  const data = parseInput(recordPollMeetingCountInput, input);
  const { poll, resource } = await pollResource(data.pollId);
  authorize(viewer, "poll:count", resource);
  const meeting = await db.meeting.findFirst({ where: { id: data.meetingId, dialogueId: poll.dialogueId }, select: { id: true } });
  if (!meeting) throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: { meetingId: [{ key: "validation.invalid" }] } });
  const unknown = Object.keys(data.counts).filter((id) => !poll.options.some((option) => option.id === id));
  if (unknown.length > 0 || Object.keys(data.counts).length === 0) throw new AppError("INVALID_INPUT", "invalid input");
  await db.$transaction(
    Object.entries(data.counts).map(([optionId, value]) => {
      const key = { pollId: poll.id, meetingId: meeting.id, optionId, perspective: data.perspective };
      return db.pollMeetingCount.upsert({
        where: { pollId_meetingId_optionId_perspective: key },
        create: { ...key, dialogueId: poll.dialogueId, count: value, recordedById: viewer.id },
        update: { count: value, recordedById: viewer.id },
        select: { id: true },
      });
    }),
  );
}
