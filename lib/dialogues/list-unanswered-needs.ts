import "server-only";
import { db } from "@/lib/db/client";
import { visibleContribution } from "@/lib/policy/visibility";

export type UnansweredNeed = { id: string; title: string };

/**
 * Needs without any response, as the `dialogue_closes_when_needs_answered` trigger counts
 * them (withdrawn and hidden ones aside). Callers authorize: the manage page and advance-phase.
 */
export async function listUnansweredNeeds(dialogueId: string): Promise<UnansweredNeed[]> {
  return db.contribution.findMany({
    where: { dialogueId, kind: "NEED", ...visibleContribution.where, responses: { none: {} } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true },
  });
}
