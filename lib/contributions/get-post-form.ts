import "server-only";
import { db } from "@/lib/db/client";
import { can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { loadRulesForReader } from "@/lib/host-texts/code-of-conduct";
import { contributionLanguages } from "./create-contribution";

/**
 * What the post form of a dialogue needs for this viewer: whether they may post at all, the
 * code of conduct when they have not accepted it yet, and the languages to choose from.
 */
export async function getPostForm(viewer: Viewer | null, dialogueId: string, locale: string, requestedRules?: string) {
  const resource = await dialogueResource(dialogueId);
  const mayPost = can(viewer, "contribution:create", resource);
  if (!viewer || !mayPost) return { mayPost: false as const };
  const [dialogue, membership] = await Promise.all([
    db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { languages: true } }),
    db.membership.findUnique({
      where: { userId_dialogueId: { userId: viewer.id, dialogueId } },
      select: { codeOfConductAcceptedAt: true },
    }),
  ]);
  return {
    mayPost: true as const,
    // The rules in the reader's language (decision 025), until accepted.
    codeOfConduct: membership?.codeOfConductAcceptedAt ? null : await loadRulesForReader(dialogueId, locale, requestedRules),
    languages: contributionLanguages(dialogue.languages),
  };
}
