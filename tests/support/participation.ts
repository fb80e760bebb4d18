import { db } from "@/lib/db/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { addMember, createDialogue, createUser, firstThemeId, openDialogue, type DialogueWithThemes } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

export { appErrorOf, viewerOf } from "@/tests/support/viewers";

/** A dialogue in `phase` (opened through COLLECTING, as the app does). */
export async function dialogueIn(phase: DialoguePhase = "COLLECTING"): Promise<DialogueWithThemes> {
  const dialogue = await createDialogue();
  if (phase === "DRAFT") return dialogue;
  await openDialogue(dialogue.id);
  // Direct update: the phase rules of closing are another slice's business, these tests need the state.
  if (phase !== "COLLECTING") await db.dialogue.update({ where: { id: dialogue.id }, data: { phase } });
  return dialogue;
}

/** A new participant of the dialogue, as a request's viewer. */
export async function participant(
  dialogueId: string,
  perspective: "LIVED_EXPERIENCE" | "LOCAL_ACTOR" | "MUNICIPAL_STAFF" | "NOT_STATED" = "LIVED_EXPERIENCE",
  codeOfConductAccepted = true,
) {
  const user = await createUser({ perspective });
  await addMember(dialogueId, user.id, "PARTICIPANT", { codeOfConductAcceptedAt: codeOfConductAccepted ? new Date() : null });
  return viewerOf(user.id);
}

export function postInput(dialogue: DialogueWithThemes, overrides: Record<string, string> = {}) {
  return {
    dialogueId: dialogue.id,
    kind: "NEED" as const,
    themeId: firstThemeId(dialogue),
    title: "WLAN in der Unterkunft",
    body: "Im Haus 3 gibt es kein Internet. Die Kinder können keine Hausaufgaben machen.",
    language: "de",
    ...overrides,
  };
}
