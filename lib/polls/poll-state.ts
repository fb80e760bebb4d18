import type { DialoguePhase } from "@/lib/generated/prisma/enums";

// Whether a poll takes answers (decision 048). The same rule is the SQL function poll_state()
// (migration polls), which refuses answers to a poll that is not open; tests/polls pin the two.

export type PollState = "upcoming" | "open" | "closed";

export type PollTiming = {
  opensAt: Date;
  /** Open for a period: until then. */
  closesAt: Date | null;
  /** Open for a phase: while the dialogue is in it. */
  phase: DialoguePhase | null;
  /** Closed early by the host team. */
  closedAt: Date | null;
};

const PHASE_ORDER: readonly DialoguePhase[] = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"];

export function pollState(poll: PollTiming, dialoguePhase: DialoguePhase, now: Date = new Date()): PollState {
  const phaseIndex = PHASE_ORDER.indexOf(dialoguePhase);
  const pollPhaseIndex = poll.phase === null ? null : PHASE_ORDER.indexOf(poll.phase);
  if (
    poll.closedAt !== null ||
    dialoguePhase === "CLOSED" ||
    (poll.closesAt !== null && poll.closesAt.getTime() <= now.getTime()) ||
    (pollPhaseIndex !== null && phaseIndex > pollPhaseIndex)
  ) {
    return "closed";
  }
  if (dialoguePhase === "DRAFT" || poll.opensAt.getTime() > now.getTime() || (pollPhaseIndex !== null && phaseIndex < pollPhaseIndex)) {
    return "upcoming";
  }
  return "open";
}

/** The phases a poll can be open for: those in which members take part. */
export const POLL_PHASES = ["COLLECTING", "DELIBERATING", "RESPONDING"] as const satisfies readonly DialoguePhase[];
