import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Resource } from "./policy";

/** The policy's view of a dialogue: which municipality, which phase. */
export async function dialogueResource(dialogueId: string, ownerId?: string | null): Promise<Resource> {
  const dialogue = await db.dialogue.findUnique({
    where: { id: dialogueId },
    select: { id: true, municipalityId: true, phase: true },
  });
  if (!dialogue) throw new AppError("NOT_FOUND", "dialogue not found");
  return { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase, ownerId };
}
