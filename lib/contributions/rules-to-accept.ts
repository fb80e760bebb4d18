import "server-only";
import { db } from "@/lib/db/client";
import { loadRulesForReader } from "@/lib/host-texts/code-of-conduct";
import type { Viewer } from "@/lib/policy/policy";

/**
 * The code of conduct a member must accept with their first post in a dialogue (typed or said),
 * in the reader's language (decision 025); null once they accepted it.
 */
export async function rulesToAccept(viewer: Viewer, dialogueId: string, locale: string, requestedRules?: string) {
  const membership = await db.membership.findUnique({
    where: { userId_dialogueId: { userId: viewer.id, dialogueId } },
    select: { codeOfConductAcceptedAt: true },
  });
  return membership?.codeOfConductAcceptedAt ? null : loadRulesForReader(dialogueId, locale, requestedRules);
}
