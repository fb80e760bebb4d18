import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPublicDialogue } from "@/lib/dialogues/get-public-dialogue";
import { createDialogue, createMunicipality, createTheme, openDialogue } from "@/tests/support/factories";

describe("getPublicDialogue", () => {
  it("finds an open dialogue by its municipality's slug and its own, with its themes in order", async () => {
    const municipality = await createMunicipality();
    const housing = await createTheme(municipality.id, { key: "housing", name: "Wohnen", position: 2 });
    const work = await createTheme(municipality.id, { key: "work", name: "Arbeit", position: 1 });
    const own = await createTheme(municipality.id, { name: "Fahrradwerkstatt", position: 3 });
    const dialogue = await createDialogue({ municipalityId: municipality.id, themeIds: [housing.id, own.id, work.id] });
    await openDialogue(dialogue.id);

    const found = await getPublicDialogue({ municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug });
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
    expect(await getPublicDialogue({ municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug })).toBeNull();
  });

  it("shows a CLOSED dialogue", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    expect(await getPublicDialogue({ municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug })).toMatchObject({
      phase: "CLOSED",
    });
  });

  it("answers null for unknown slugs, another municipality's slug, and strings that are no slugs", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    const other = await createMunicipality();
    const cases = [
      { municipalitySlug: municipality.slug, dialogueSlug: "gibt-es-nicht" },
      { municipalitySlug: other.slug, dialogueSlug: dialogue.slug },
      { municipalitySlug: municipality.slug, dialogueSlug: "../etc/passwd" },
      { municipalitySlug: "Musterstadt", dialogueSlug: dialogue.slug },
      { municipalitySlug: municipality.slug, dialogueSlug: "x".repeat(500) },
    ];
    for (const input of cases) expect(await getPublicDialogue(input)).toBeNull();
  });
});
