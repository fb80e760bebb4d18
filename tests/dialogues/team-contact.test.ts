// The host team publishes how to reach them for an invitation code; the dialogue page's loader
// carries it to the "How to take part" box (issue 15).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { loadDialogue } from "@/lib/dialogues/load-dialogue";
import { updateDialogue } from "@/lib/dialogues/update-dialogue";
import { addMember, createUser } from "@/tests/support/factories";
import { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";
import { dialogueInput, staffOfNewMunicipality } from "./lifecycle/support";

const CONTACT = "Fragen Sie Amal im Café International, Di 15–17 Uhr, oder rufen Sie 0123 456789 an.";

describe("the host team's contact", () => {
  it("is set by the host and a co-host, refused to a participant, and carried by the page's loader", async () => {
    const { municipality, theme, viewer } = await staffOfNewMunicipality();
    const created = await createDialogue(viewer, dialogueInput(municipality.id, theme.id));
    const { municipalityId: _, ...fields } = dialogueInput(municipality.id, theme.id);
    const slugs = { municipalitySlug: municipality.slug, dialogueSlug: created.slug };
    expect((await loadDialogue(viewer, slugs))!.dialogue.teamContact).toBeNull();

    await updateDialogue(viewer, { dialogueId: created.id, ...fields, teamContact: `  ${CONTACT}  ` });
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: created.id } })).teamContact).toBe(CONTACT);

    const coHost = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(created.id, coHost.id, "CO_HOST");
    await updateDialogue(await viewerOf(coHost.id), { dialogueId: created.id, ...fields, teamContact: `${CONTACT}\nAuch per E-Mail.` });

    const participant = await createUser();
    await addMember(created.id, participant.id, "PARTICIPANT");
    const refused = await appErrorOf(updateDialogue(await viewerOf(participant.id), { dialogueId: created.id, ...fields, teamContact: "Mein Kontakt" }));
    expect(refused.code).toBe("FORBIDDEN");

    // Left out, it stays as it was (the loader is request-cached: a fresh viewer object per read).
    await updateDialogue(viewer, { dialogueId: created.id, ...fields });
    const loaded = await loadDialogue(await viewerOf(coHost.id), slugs);
    expect(loaded!.dialogue.teamContact).toBe(`${CONTACT}\nAuch per E-Mail.`);
  });

  it("is at most 300 characters, and emptying it publishes none", async () => {
    const { municipality, theme, viewer } = await staffOfNewMunicipality();
    const created = await createDialogue(viewer, dialogueInput(municipality.id, theme.id, { teamContact: CONTACT }));
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: created.id } })).teamContact).toBe(CONTACT);
    const { municipalityId: _, ...fields } = dialogueInput(municipality.id, theme.id);

    const tooLong = await appErrorOf(updateDialogue(viewer, { dialogueId: created.id, ...fields, teamContact: "x".repeat(301) }));
    expect(tooLong.code).toBe("INVALID_INPUT");
    expect(fieldKeys(tooLong, "teamContact")).toHaveLength(1);

    await updateDialogue(viewer, { dialogueId: created.id, ...fields, teamContact: null });
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: created.id } })).teamContact).toBeNull();
  });
});
