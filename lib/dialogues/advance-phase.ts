import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { listUnansweredNeeds, type UnansweredNeed } from "./list-unanswered-needs";

export const NEXT_PHASE: Readonly<Record<DialoguePhase, Exclude<DialoguePhase, "DRAFT"> | null>> = {
  DRAFT: "COLLECTING",
  COLLECTING: "DELIBERATING",
  DELIBERATING: "RESPONDING",
  RESPONDING: "CLOSED",
  CLOSED: null,
};

/** The rules the migration's `dialogue_phase_rules` trigger keeps, by the names it raises. */
export const COHOST_MISSING = "dialogue_opens_with_lived_experience_cohost";
export const NEEDS_UNANSWERED = "dialogue_closes_when_needs_answered";
export type PhaseRefusal = typeof COHOST_MISSING | typeof NEEDS_UNANSWERED;

export const advancePhaseInput = z.object({
  dialogueId: z.uuid(),
  /** The phase the host saw: a second click (or a stale page) does not skip a phase. */
  from: z.enum(["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"]),
});

export function phaseRefusal(rule: PhaseRefusal, unansweredNeeds: UnansweredNeed[] = []): AppError {
  const message =
    rule === COHOST_MISSING
      ? "the dialogue needs a co-host with lived experience of flight before it opens"
      : `the dialogue has ${unansweredNeeds.length} unanswered needs`;
  return new AppError("CONFLICT", message, { rule, unansweredNeeds });
}

/**
 * Moves a dialogue exactly one phase on (DRAFT → COLLECTING → DELIBERATING → RESPONDING →
 * CLOSED) and logs it. With, not about: it leaves DRAFT only with a co-host who declared
 * lived experience of flight. Accountability: it closes only when every need has a response.
 * The database keeps both rules too; its refusal becomes the same AppError.
 */
export async function advancePhase(viewer: Viewer | null, input: z.input<typeof advancePhaseInput>) {
  const data = parseInput(advancePhaseInput, input);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "dialogue:open", resource);
  const from = resource.phase!;
  const to = NEXT_PHASE[from];
  if (from !== data.from || to === null) throw new AppError("CONFLICT", `the dialogue is ${from} now`);

  if (from === "DRAFT" && !(await hasLivedExperienceCoHost(data.dialogueId))) throw phaseRefusal(COHOST_MISSING);
  if (to === "CLOSED") {
    const unanswered = await listUnansweredNeeds(data.dialogueId);
    if (unanswered.length > 0) throw phaseRefusal(NEEDS_UNANSWERED, unanswered);
  }

  try {
    return await db.$transaction(async (tx) => {
      const moved = await tx.dialogue.updateMany({ where: { id: data.dialogueId, phase: from }, data: { phase: to } });
      if (moved.count === 0) throw new AppError("CONFLICT", "the phase changed meanwhile");
      const change = await tx.phaseChange.create({
        data: { dialogueId: data.dialogueId, fromPhase: from, toPhase: to, changedById: viewer.id },
        select: { fromPhase: true, toPhase: true, createdAt: true },
      });
      await insertNotifications(
        tx,
        { subjectId: data.dialogueId, dialogueId: data.dialogueId, to: [{ type: "PHASE_CHANGED", audience: { kind: "dialogueFollowers", dialogueId: data.dialogueId } }] },
        viewer.id,
      );
      return change;
    });
  } catch (error) {
    // A co-host left or a need came in between the checks above and the update.
    const rule = refusedRule(error);
    if (rule === COHOST_MISSING) throw phaseRefusal(COHOST_MISSING);
    if (rule === NEEDS_UNANSWERED) throw phaseRefusal(NEEDS_UNANSWERED, await listUnansweredNeeds(data.dialogueId));
    throw error;
  }
}

async function hasLivedExperienceCoHost(dialogueId: string): Promise<boolean> {
  const coHost = await db.membership.findFirst({
    where: { dialogueId, role: "CO_HOST", user: { perspective: "LIVED_EXPERIENCE", deletedAt: null } },
    select: { id: true },
  });
  return coHost !== null;
}

/** The trigger rule named first in a check_violation (SQLSTATE 23514) message, if any. */
export function refusedRule(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown; originalMessage?: unknown } } | undefined)?.cause;
  if (cause?.originalCode !== "23514" || typeof cause.originalMessage !== "string") return undefined;
  return /^([a-z_]+): /.exec(cause.originalMessage)?.[1];
}
