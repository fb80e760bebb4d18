// Actors of a municipality (W2): staff manage them, an actor's members edit its own entry,
// everyone else is refused. Contact details are validated; refugee-led is the actor's word.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addActorMember } from "@/lib/actors/add-actor-member";
import { createActor } from "@/lib/actors/create-actor";
import { getActorForEdit } from "@/lib/actors/get-actor-management";
import { loadActorManagementPage } from "@/lib/pages/staff-pages";
import { listActors } from "@/lib/actors/list-actors";
import { removeActorMember } from "@/lib/actors/remove-actor-member";
import { updateActor } from "@/lib/actors/update-actor";
import { addMember, createActor as insertActor, createDialogue, createMunicipality, createResponsibility, createUser } from "@/tests/support/factories";
import { appErrorOf, fieldKeys, publishedDialogue, staffOf, viewerOf } from "@/tests/support/accountability";

const entry = {
  name: "Ankommen e.V.",
  kind: "REFUGEE_SELF_ORGANISATION" as const,
  refugeeLed: true as const,
  description: "Von Geflüchteten gegründet.",
  contactEmail: "kontakt@ankommen.example",
  contactPhone: "+49 1234 55 44 33",
  website: "https://ankommen.example",
  address: "",
};

describe("actors", () => {
  it("lets staff create an actor with the contact details it chose to publish", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    const { id } = await createActor(staff, { municipalityId: municipality.id, ...entry });
    expect(await db.actor.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Ankommen e.V.",
      kind: "REFUGEE_SELF_ORGANISATION",
      refugeeLed: true,
      contactEmail: "kontakt@ankommen.example",
      website: "https://ankommen.example",
      address: null,
    });
    const plain = await createActor(staff, { municipalityId: municipality.id, name: "Sozialamt", kind: "MUNICIPAL_DEPARTMENT" });
    expect(await db.actor.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({ refugeeLed: false, contactEmail: null, website: null });
  });

  it("refuses bad contact details, a website that is not http(s), and a name taken", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    const error = await appErrorOf(
      createActor(staff, { municipalityId: municipality.id, ...entry, contactEmail: "nicht-eine-adresse", website: "javascript:alert(1)", contactPhone: "call me" }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect({ contactEmail: fieldKeys(error, "contactEmail"), website: fieldKeys(error, "website"), contactPhone: fieldKeys(error, "contactPhone") }).toEqual({
      contactEmail: ["validation.invalid"],
      website: ["validation.invalid"],
      contactPhone: ["validation.invalid"],
    });
    expect(fieldKeys(await appErrorOf(createActor(staff, { municipalityId: municipality.id, ...entry, website: "ftp://ankommen.example" })), "website")).toEqual([
      "validation.invalid",
    ]);
    await createActor(staff, { municipalityId: municipality.id, ...entry });
    expect(fieldKeys(await appErrorOf(createActor(staff, { municipalityId: municipality.id, ...entry })), "name")).toEqual(["actors.nameTaken"]);
  });

  it.each([
    ["a dialogue host who is not staff", async (municipalityId: string) => viewerOf((await createDialogue({ municipalityId })).createdById), "FORBIDDEN"],
    ["staff of another municipality", async () => staffOf((await createMunicipality()).id), "FORBIDDEN"],
    ["the signed-out", async () => null, "UNAUTHENTICATED"],
  ] as const)("refuses to create for %s", async (_, viewerFor, code) => {
    const municipality = await createMunicipality();
    expect((await appErrorOf(createActor(await viewerFor(municipality.id), { municipalityId: municipality.id, ...entry }))).code).toBe(code);
    expect(await db.actor.count({ where: { municipalityId: municipality.id } })).toBe(0);
  });

  it("lets an actor's members edit its entry, and refuses everyone else", async () => {
    const { dialogue, staff } = await publishedDialogue("COLLECTING");
    const actor = await insertActor({ municipalityId: dialogue.municipalityId });
    const member = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogue.id, member.id, "PARTICIPANT");
    await addActorMember(staff, { actorId: actor.id, userId: member.id });

    await updateActor(await viewerOf(member.id), { actorId: actor.id, ...entry, name: "Ankommen – neu" });
    expect(await db.actor.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({ name: "Ankommen – neu", refugeeLed: true });
    await updateActor(staff, { actorId: actor.id, ...entry, refugeeLed: undefined });
    expect((await db.actor.findUniqueOrThrow({ where: { id: actor.id } })).refugeeLed).toBe(false);

    const stranger = await createUser();
    await addMember(dialogue.id, stranger.id, "PARTICIPANT");
    const otherStaff = await staffOf((await createMunicipality()).id);
    const refusedTo = async (viewer: typeof otherStaff) => (await appErrorOf(updateActor(viewer, { actorId: actor.id, ...entry, name: "Übernommen" }))).code;
    expect({ stranger: await refusedTo(await viewerOf(stranger.id)), otherStaff: await refusedTo(otherStaff) }).toEqual({ stranger: "FORBIDDEN", otherStaff: "FORBIDDEN" });
    expect((await db.actor.findUniqueOrThrow({ where: { id: actor.id } })).name).toBe(entry.name);
    // A member edits the entry but does not manage who belongs to it.
    expect((await appErrorOf(addActorMember(await viewerOf(member.id), { actorId: actor.id, userId: stranger.id }))).code).toBe("FORBIDDEN");
    await removeActorMember(staff, { actorId: actor.id, userId: member.id });
    expect((await appErrorOf(updateActor(await viewerOf(member.id), { actorId: actor.id, ...entry }))).code).toBe("FORBIDDEN");
  });

  it("adds only people of the municipality as members", async () => {
    const { dialogue, staff } = await publishedDialogue("COLLECTING");
    const actor = await insertActor({ municipalityId: dialogue.municipalityId });
    const outsider = await createUser();
    const error = await appErrorOf(addActorMember(staff, { actorId: actor.id, userId: outsider.id }));
    expect(fieldKeys(error, "userId")).toEqual(["validation.invalid"]);
    expect(await db.actorMember.count({ where: { actorId: actor.id } })).toBe(0);
  });

  it("gives the manage pages to staff (all actors) and members (their own), and nothing to others", async () => {
    const { dialogue, staff } = await publishedDialogue("COLLECTING");
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    const own = await insertActor({ municipalityId: municipality.id, name: "A Eigene" });
    const other = await insertActor({ municipalityId: municipality.id, name: "B Andere" });
    const member = await createUser();
    await addMember(dialogue.id, member.id, "PARTICIPANT");
    await db.actorMember.create({ data: { actorId: own.id, userId: member.id } });

    expect((await loadActorManagementPage(staff, municipality.slug))?.actors.map((a) => a.id)).toEqual([own.id, other.id]);
    const memberViewer = await viewerOf(member.id);
    expect(await loadActorManagementPage(memberViewer, municipality.slug)).toMatchObject({ mayManage: false, actors: [{ id: own.id }] });
    expect(await loadActorManagementPage(null, municipality.slug)).toBeNull();

    expect(await getActorForEdit(memberViewer, { municipalitySlug: municipality.slug, actorId: own.id })).toMatchObject({ mayManage: false, candidates: [] });
    expect(await getActorForEdit(memberViewer, { municipalitySlug: municipality.slug, actorId: other.id })).toBeNull();
    const forStaff = await getActorForEdit(staff, { municipalitySlug: municipality.slug, actorId: own.id });
    expect(forStaff?.actor.members.map((m) => m.id)).toEqual([member.id]);
    expect(forStaff?.candidates.map((c) => c.id)).toContain(dialogue.createdById);
    expect(forStaff?.candidates.map((c) => c.id)).not.toContain(member.id);
    const elsewhere = await createMunicipality();
    expect(await getActorForEdit(staff, { municipalitySlug: elsewhere.slug, actorId: own.id })).toBeNull();
  });

  it("lists the organigram grouped by kind, with responsibilities in public dialogues only", async () => {
    const { dialogue } = await publishedDialogue("COLLECTING");
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    const office = await insertActor({ municipalityId: municipality.id, name: "Sozialamt", kind: "MUNICIPAL_DEPARTMENT" });
    const selfOrganisation = await insertActor({ municipalityId: municipality.id, name: "Ankommen", kind: "REFUGEE_SELF_ORGANISATION", refugeeLed: true });
    const draft = await createDialogue({ municipalityId: municipality.id });
    await createResponsibility({ dialogueId: dialogue.id, themeId: dialogue.themes[0]!.themeId, actorId: office.id, agreedAt: new Date() });
    await createResponsibility({ dialogueId: draft.id, themeId: draft.themes[0]!.themeId, actorId: office.id });

    const listed = await listActors(municipality.slug);
    expect(listed?.groups.map((group) => [group.kind, group.actors.map((actor) => actor.name)])).toEqual([
      ["MUNICIPAL_DEPARTMENT", ["Sozialamt"]],
      ["REFUGEE_SELF_ORGANISATION", ["Ankommen"]],
    ]);
    const [officeEntry] = listed!.groups[0]!.actors;
    expect(officeEntry!.responsibilities.map((r) => [r.dialogue.slug, r.theme.id])).toEqual([[dialogue.slug, dialogue.themes[0]!.themeId]]);
    expect(listed!.groups[1]!.actors[0]).toMatchObject({ id: selfOrganisation.id, refugeeLed: true });
    expect(await listActors("gibt-es-nicht")).toBeNull();
  });
});
