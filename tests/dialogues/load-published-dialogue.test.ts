import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { createDialogue, createMunicipality, createTheme, openDialogue } from "@/tests/support/factories";

describe("loadPublishedDialogue", () => {
  it("finds an open dialogue by its municipality's slug and its own, with its themes in order", async () => {
    const municipality = await createMunicipality();
    const housing = await createTheme(municipality.id, { key: "housing", name: "Wohnen", position: 2 });
    const work = await createTheme(municipality.id, { key: "work", name: "Arbeit", position: 1 });
    const own = await createTheme(municipality.id, { name: "Fahrradwerkstatt", position: 3 });
    const dialogue = await createDialogue({ municipalityId: municipality.id, themeIds: [housing.id, own.id, work.id] });
    await openDialogue(dialogue.id);

    const found = (await loadPublishedDialogue(null, { municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug }))?.dialogue;
    expect(found).toMatchObject({
      id: dialogue.id,
      title: dialogue.title,
      phase: "COLLECTING",
      languages: ["de", "ar", "fa"],
      municipality: { slug: municipality.slug, name: municipality.name },
      themes: [
        { id: work.id, key: "work", name: "Arbeit" },
        { id: housing.id, key: "housing", name: "Wohnen" },
        { id: own.id, key: null, name: "Fahrradwerkstatt" },
      ],
    });
  });

  it("does not show a DRAFT dialogue", async () => {
    const dialogue = await createDialogue();
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    expect((await loadPublishedDialogue(null, { municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug }))?.dialogue ?? null).toBeNull();
  });

  it("shows a CLOSED dialogue", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    expect((await loadPublishedDialogue(null, { municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug }))?.dialogue ?? null).toMatchObject({
      phase: "CLOSED",
    });
  });

  type Slugs = { municipality: string; dialogue: string; other: string };
  it.each([
    ["an unknown dialogue slug", (s: Slugs) => ({ municipalitySlug: s.municipality, dialogueSlug: "gibt-es-nicht" })],
    ["another municipality's slug", (s: Slugs) => ({ municipalitySlug: s.other, dialogueSlug: s.dialogue })],
    ["a path for a slug", (s: Slugs) => ({ municipalitySlug: s.municipality, dialogueSlug: "../etc/passwd" })],
    ["a municipality slug in capitals", (s: Slugs) => ({ municipalitySlug: "Musterstadt", dialogueSlug: s.dialogue })],
    ["a slug of 500 characters", (s: Slugs) => ({ municipalitySlug: s.municipality, dialogueSlug: "x".repeat(500) })],
  ])("answers null for %s", async (_, input) => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    const other = await createMunicipality();
    const slugs = { municipality: municipality.slug, dialogue: dialogue.slug, other: other.slug };
    expect((await loadPublishedDialogue(null, input(slugs)))?.dialogue ?? null).toBeNull();
  });
});
