// A dialogue's themes, the actors responsible in it and the actor a response names all belong
// to the dialogue's municipality (trigger same_municipality).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  createActor,
  createContribution,
  createDialogue,
  createMunicipality,
  createTheme,
  firstThemeId,
  respond,
} from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

describe("same_municipality", () => {
  it("refuses to link a dialogue to a theme of another municipality", async () => {
    const dialogue = await createDialogue();
    const foreignTheme = await createTheme((await createMunicipality()).id);
    await expectConstraint(
      db.dialogueTheme.create({ data: { dialogueId: dialogue.id, themeId: foreignTheme.id } }),
      "same_municipality",
    );
  });

  it("links a dialogue to another theme of its own municipality", async () => {
    const dialogue = await createDialogue();
    const theme = await createTheme(dialogue.municipalityId);
    const link = await db.dialogueTheme.create({ data: { dialogueId: dialogue.id, themeId: theme.id } });
    expect(link).toEqual({ dialogueId: dialogue.id, themeId: theme.id });
  });

  it("refuses a response that names an actor of another municipality", async () => {
    const dialogue = await createDialogue();
    const need = await createContribution({ dialogueId: dialogue.id });
    const foreignActor = await createActor({ municipalityId: (await createMunicipality()).id });
    await expectConstraint(respond(need.id, { status: "PLANNED", actorId: foreignActor.id }), "same_municipality");
    expect((await db.contribution.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });

  it("accepts a response that names an actor of the dialogue's municipality", async () => {
    const dialogue = await createDialogue();
    const need = await createContribution({ dialogueId: dialogue.id });
    const actor = await createActor({ municipalityId: dialogue.municipalityId, kind: "MUNICIPAL_DEPARTMENT" });
    const response = await respond(need.id, { status: "PLANNED", actorId: actor.id });
    expect(response.actorId).toBe(actor.id);
  });

  it("refuses a responsibility of an actor of another municipality", async () => {
    const dialogue = await createDialogue();
    const foreignActor = await createActor({ municipalityId: (await createMunicipality()).id });
    await expectConstraint(
      db.responsibility.create({
        data: { dialogueId: dialogue.id, themeId: firstThemeId(dialogue), actorId: foreignActor.id },
      }),
      "same_municipality",
    );
  });

  it("accepts a responsibility of an actor of the dialogue's municipality", async () => {
    const dialogue = await createDialogue();
    const actor = await createActor({ municipalityId: dialogue.municipalityId });
    const responsibility = await db.responsibility.create({
      data: { dialogueId: dialogue.id, themeId: firstThemeId(dialogue), actorId: actor.id },
    });
    expect(responsibility.actorId).toBe(actor.id);
  });

  it("refuses to move a dialogue to another municipality away from its themes", async () => {
    const dialogue = await createDialogue();
    const otherMunicipality = await createMunicipality();
    await expectConstraint(
      db.dialogue.update({ where: { id: dialogue.id }, data: { municipalityId: otherMunicipality.id } }),
      "same_municipality",
    );
  });
});
