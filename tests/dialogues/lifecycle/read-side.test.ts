// What the pages of a dialogue's lifecycle read: drafts only for the host team and staff, the
// manage page only for the host team, the unanswered needs from RESPONDING on.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadDialogue, loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { getManagedDialogue } from "@/lib/dialogues/get-managed-dialogue";
import { listMunicipalityDialogues } from "@/lib/dialogues/list-municipality-dialogues";
import { addMember, createContribution, createDialogue, createUser, openDialogue } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";
import { staffOfNewMunicipality } from "./support";

describe("the lifecycle's read side", () => {
  it("lists drafts of a municipality for its staff and the host team, published ones for everyone", async () => {
    const { municipality, viewer: staff } = await staffOfNewMunicipality();
    const draft = await createDialogue({ municipalityId: municipality.id });
    const open = await createDialogue({ municipalityId: municipality.id });
    await openDialogue(open.id);
    const coHost = await createUser();
    await addMember(draft.id, coHost.id, "CO_HOST");
    const participant = await createUser();
    await addMember(open.id, participant.id, "PARTICIPANT");

    const slugsFor = async (viewer: Parameters<typeof listMunicipalityDialogues>[0]) =>
      (await listMunicipalityDialogues(viewer, municipality.slug))?.dialogues.map((d) => d.slug);
    expect(await slugsFor(staff)).toEqual([draft.slug, open.slug]);
    expect(await slugsFor(await viewerOf(coHost.id))).toEqual([draft.slug, open.slug]);
    expect(await slugsFor(await viewerOf(participant.id))).toEqual([open.slug]);
    expect(await slugsFor(null)).toEqual([open.slug]);
    expect((await listMunicipalityDialogues(staff, municipality.slug))?.mayCreate).toBe(true);
    expect((await listMunicipalityDialogues(null, municipality.slug))?.mayCreate).toBe(false);
    expect(await listMunicipalityDialogues(null, "keine-kommune")).toBeNull();
  });

  it("shows a draft's page to its host team only", async () => {
    const { municipality, viewer: staff } = await staffOfNewMunicipality();
    const draft = await createDialogue({ municipalityId: municipality.id });
    const slugs = { municipalitySlug: municipality.slug, dialogueSlug: draft.slug };
    expect((await loadDialogue(staff, slugs))?.dialogue ?? null).toMatchObject({ id: draft.id, phase: "DRAFT", summary: draft.summary });
    // Its sub-pages (posting, results, a contribution) are for a published dialogue: not found, for the host team too.
    expect(await loadPublishedDialogue(staff, slugs)).toBeNull();
    expect((await loadDialogue(null, slugs))?.dialogue ?? null).toBeNull();
    const participant = await createUser();
    await addMember(draft.id, participant.id, "PARTICIPANT");
    expect((await loadDialogue(await viewerOf(participant.id), slugs))?.dialogue ?? null).toBeNull();
  });

  it("gives the manage page to the host team, with the needs still waiting for an answer", async () => {
    const { municipality, viewer: staff } = await staffOfNewMunicipality();
    const dialogue = await createDialogue({ municipalityId: municipality.id });
    const need = await createContribution({ dialogueId: dialogue.id });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "DELIBERATING" } });
    const slugs = { municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug };
    expect((await getManagedDialogue(staff, slugs))?.unansweredNeeds).toEqual([]);

    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "RESPONDING" } });
    const managed = await getManagedDialogue(staff, slugs);
    expect(managed).toMatchObject({ mayUpdate: true, mayAdvance: true, unansweredNeeds: [{ id: need.id, title: need.title }] });
    expect(managed?.phaseChanges.map((c) => [c.fromPhase, c.toPhase])).toEqual([["DRAFT", "COLLECTING"]]);

    const participant = await createUser();
    await addMember(dialogue.id, participant.id, "PARTICIPANT");
    expect(await getManagedDialogue(await viewerOf(participant.id), slugs)).toBeNull();
    expect(await getManagedDialogue(null, slugs)).toBeNull();
  });
});
