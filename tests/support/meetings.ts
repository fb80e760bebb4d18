import type { DialogueRole } from "@/lib/generated/prisma/enums";
import { addMember, createUser } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

/** A new member of the dialogue in `role` (a recorder is a volunteer, a local actor), as a request's viewer. */
export async function memberAs(dialogueId: string, role: DialogueRole, perspective: "LIVED_EXPERIENCE" | "LOCAL_ACTOR" = "LOCAL_ACTOR") {
  const user = await createUser({ perspective });
  await addMember(dialogueId, user.id, role);
  return viewerOf(user.id);
}

/** The dialogue's creator (staff and HOST, as createDialogue makes them), as a request's viewer. */
export async function hostOf(dialogue: { createdById: string }) {
  return viewerOf(dialogue.createdById);
}

/** A meeting's input; times are Europe/Berlin wall-clock times. */
export function meetingInput(dialogueId: string, overrides: Record<string, unknown> = {}) {
  return {
    dialogueId,
    title: "Dialogcafé in der Unterkunft",
    startsAt: "2026-12-03T18:30",
    endsAt: "2026-12-03T20:00",
    place: "Gemeinschaftsunterkunft Am Lindenweg, Gemeinschaftsraum",
    languages: ["de", "ar"],
    interpretationOffered: true,
    ...overrides,
  };
}
