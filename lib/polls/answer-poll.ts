import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { refusedRule } from "@/lib/dialogues/advance-phase";
import { AppError } from "@/lib/errors";
import { perspectiveSnapshot } from "@/lib/perspectives/perspective-snapshot";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { pollResource } from "./poll-resource";

export const answerPollInput = z.object({
  pollId: z.uuid(),
  optionIds: z.array(z.uuid()).min(1, "polls.validation.chooseAnswer").max(20),
});

/**
 * A member answers a poll, or changes their answer while it is open. One answer per person and
 * poll under any number of concurrent submissions: the unique index on (pollId, userId) decides
 * and a second submission replaces the first (INSERT … ON CONFLICT), never adds a row. The
 * database refuses answers that do not fit the poll or come when it is not open.
 */
export async function answerPoll(viewer: Viewer | null, input: z.input<typeof answerPollInput>) {
  const data = parseInput(answerPollInput, input);
  const { poll, resource, state } = await pollResource(data.pollId);
  authorize(viewer, "poll:answer", resource);
  if (state !== "open") throw new AppError("CONFLICT", "poll not open", { reason: state });
  const optionIds = [...new Set(data.optionIds)];
  const valid = new Set(poll.options.map((option) => option.id));
  if (optionIds.some((id) => !valid.has(id)) || (poll.choice === "SINGLE" && optionIds.length !== 1)) {
    throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: { optionIds: [{ key: "polls.validation.chooseAnswer" }] } });
  }
  const perspective = await perspectiveSnapshot(db, viewer.id, resource.municipalityId);
  // The perspective stays the one of the first answer: changing the answer changes the choice only.
  try {
    await db.$executeRaw`
    INSERT INTO "PollAnswer" ("id", "pollId", "dialogueId", "userId", "perspective", "optionIds", "updatedAt")
    VALUES (gen_random_uuid(), ${poll.id}::uuid, ${poll.dialogueId}::uuid, ${viewer.id}::uuid, ${perspective}::"Perspective", ${optionIds}::uuid[], now() AT TIME ZONE 'UTC')
    ON CONFLICT ("pollId", "userId") DO UPDATE SET "optionIds" = EXCLUDED."optionIds", "updatedAt" = EXCLUDED."updatedAt"`;
  } catch (error) {
    // Closed between the check above and the write: the database's answer wins.
    if (refusedRule(error) === "poll_answer_while_open") throw new AppError("CONFLICT", "poll not open", { reason: "closed" });
    throw error;
  }
  return { pollId: poll.id, optionIds };
}
