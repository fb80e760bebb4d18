// The host team edits a dialogue until it closes; the slug stays, and a theme in use stays.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { updateDialogue } from "@/lib/dialogues/update-dialogue";
import { addMember, createContribution, createTheme, createUser } from "@/tests/support/factories";
import { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";
import { dialogueInput, staffOfNewMunicipality } from "./support";

describe("updateDialogue", () => {
  it("lets a co-host edit the fields and themes, keeps the slug, and refuses participants", async () => {
    const { municipality, theme, viewer } = await staffOfNewMunicipality();
    const created = await createDialogue(viewer, dialogueInput(municipality.id, theme.id));
    const coHost = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(created.id, coHost.id, "CO_HOST");
    const second = await createTheme(municipality.id);

    const { municipalityId: _, ...fields } = dialogueInput(municipality.id, second.id, { title: "Gut wohnen" });
    await updateDialogue(await viewerOf(coHost.id), { dialogueId: created.id, ...fields });
    const row = await db.dialogue.findUniqueOrThrow({ where: { id: created.id }, include: { themes: true } });
    expect(row).toMatchObject({ title: "Gut wohnen", slug: created.slug });
    expect(row.themes.map((t) => t.themeId)).toEqual([second.id]);

    const participant = await createUser();
    await addMember(created.id, participant.id, "PARTICIPANT");
    expect((await appErrorOf(updateDialogue(await viewerOf(participant.id), { dialogueId: created.id, ...fields }))).code).toBe("FORBIDDEN");
  });

  it("keeps a theme that contributions were filed under", async () => {
    const { municipality, theme, viewer } = await staffOfNewMunicipality();
    const created = await createDialogue(viewer, dialogueInput(municipality.id, theme.id));
    await createContribution({ dialogueId: created.id, themeId: theme.id });
    const second = await createTheme(municipality.id);
    const { municipalityId: _, ...fields } = dialogueInput(municipality.id, second.id);
    const error = await appErrorOf(updateDialogue(viewer, { dialogueId: created.id, ...fields }));
    expect(fieldKeys(error, "themeIds")).toEqual(["dialogueValidation.themeInUse"]);
    expect(await db.dialogueTheme.count({ where: { dialogueId: created.id, themeId: theme.id } })).toBe(1);
  });
});
