// Helpers for the accountability tests: a published dialogue with its staff, and viewers.
import { db } from "@/lib/db/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { createDialogue, createMunicipality, createUser, openDialogue, type DialogueWithThemes } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

export { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";

/** A staff member of the municipality, as a request's viewer. */
export async function staffOf(municipalityId: string) {
  const user = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role: "STAFF" } });
  return viewerOf(user.id);
}

/** A dialogue of a new municipality in `phase`, with a staff member who runs it. */
export async function publishedDialogue(phase: DialoguePhase = "RESPONDING"): Promise<{ dialogue: DialogueWithThemes; staff: Awaited<ReturnType<typeof viewerOf>> }> {
  const municipality = await createMunicipality();
  const dialogue = await createDialogue({ municipalityId: municipality.id });
  await openDialogue(dialogue.id);
  if (phase !== "COLLECTING") await db.dialogue.update({ where: { id: dialogue.id }, data: { phase } });
  return { dialogue, staff: await staffOf(municipality.id) };
}
