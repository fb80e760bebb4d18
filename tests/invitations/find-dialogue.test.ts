// Pages that manage a dialogue find it by its slugs in any phase, but only for who may read it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { addMember, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

async function slugsOf(dialogue: { slug: string; municipalityId: string }) {
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
  return { municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug };
}

describe("findDialogue", () => {
  it("finds a draft for its host team only, with the policy's resource", async () => {
    const dialogue = await createDialogue();
    const slugs = await slugsOf(dialogue);
    const coHost = await createUser();
    await addMember(dialogue.id, coHost.id, "CO_HOST");
    expect(await findDialogue(await viewerOf(coHost.id), slugs)).toMatchObject({
      id: dialogue.id,
      title: dialogue.title,
      phase: "DRAFT",
      resource: { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: "DRAFT" },
    });
    const participant = await createUser();
    await addMember(dialogue.id, participant.id, "PARTICIPANT");
    expect(await findDialogue(await viewerOf(participant.id), slugs)).toBeNull();
    expect(await findDialogue(null, slugs)).toBeNull();
  });

  it("finds an open dialogue for anyone, and nothing under another municipality's slug", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const slugs = await slugsOf(dialogue);
    expect((await findDialogue(null, slugs))?.id).toBe(dialogue.id);
    const other = await createMunicipality();
    expect(await findDialogue(null, { ...slugs, municipalitySlug: other.slug })).toBeNull();
    expect(await findDialogue(null, { ...slugs, dialogueSlug: "Kein Slug" })).toBeNull();
  });
});
