import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/policy/policy";
import { findDialogue } from "./find-dialogue";
import { dialoguePageSelect, withThemes, type PublicDialogue } from "./get-public-dialogue";

/**
 * A DRAFT dialogue with everything its page shows, for the viewers the policy lets read it
 * (its host team); null for everyone else and for published dialogues (getPublicDialogue).
 */
export async function getDraftDialogue(
  viewer: Viewer | null,
  input: { municipalitySlug: string; dialogueSlug: string },
): Promise<PublicDialogue | null> {
  const found = await findDialogue(viewer, input);
  if (!found || found.phase !== "DRAFT") return null;
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: found.id }, select: dialoguePageSelect });
  return withThemes(dialogue);
}
