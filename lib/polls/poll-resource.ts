import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Resource } from "@/lib/policy/policy";
import { pollState, type PollState } from "./poll-state";

/** A poll as the policy sees it (its dialogue's municipality and phase), with its state and options. */
export async function pollResource(pollId: string) {
  const poll = await db.poll.findUnique({
    where: { id: pollId },
    select: {
      id: true,
      dialogueId: true,
      choice: true,
      opensAt: true,
      closesAt: true,
      phase: true,
      closedAt: true,
      options: { orderBy: { position: "asc" }, select: { id: true, position: true } },
      dialogue: { select: { municipalityId: true, phase: true } },
    },
  });
  if (!poll) throw new AppError("NOT_FOUND", "poll not found");
  const resource: Resource = { municipalityId: poll.dialogue.municipalityId, dialogueId: poll.dialogueId, phase: poll.dialogue.phase };
  const state: PollState = pollState(poll, poll.dialogue.phase);
  return { poll, resource, state };
}
