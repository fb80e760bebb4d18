import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";

export const closePollInput = z.object({ pollId: z.uuid() });

/** The host team ends a poll before its time: answers are final from then on and the results published. */
export async function closePoll(viewer: Viewer | null, input: z.input<typeof closePollInput>) {
  const { pollId } = parseInput(closePollInput, input);
  const poll = await db.poll.findUnique({ where: { id: pollId }, select: { dialogueId: true } });
  if (!poll) throw new AppError("NOT_FOUND", "poll not found");
  authorize(viewer, "poll:manage", await dialogueResource(poll.dialogueId));
  // Closing twice is no error: the first time stands.
  await db.poll.updateMany({ where: { id: pollId, closedAt: null }, data: { closedAt: new Date() } });
}
