// Who is responsible for which theme in which dialogue (W2 "Organigramm"): hosts assign
// actors of the municipality to the dialogue's own themes; the public organigram lists them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { assignResponsibility } from "@/lib/responsibilities/assign-responsibility";
import { getResponsibilityManagement } from "@/lib/responsibilities/get-responsibility-management";
import { listResponsibilities } from "@/lib/responsibilities/list-responsibilities";
import { removeResponsibility } from "@/lib/responsibilities/remove-responsibility";
import { addMember, createActor, createMunicipality, createTheme, createUser } from "@/tests/support/factories";
import { refusal } from "@/tests/db/expect-constraint";
import { appErrorOf, fieldKeys, publishedDialogue, viewerOf } from "@/tests/support/accountability";

async function setUp() {
  const { dialogue, staff } = await publishedDialogue("COLLECTING");
  const actor = await createActor({ municipalityId: dialogue.municipalityId, name: "Sozialamt", kind: "MUNICIPAL_DEPARTMENT" });
  return { dialogue, staff, actor, themeId: dialogue.themes[0]!.themeId };
}

describe("responsibilities", () => {
  it("assigns an actor to a theme, agreed or not, and updates it when named again", async () => {
    const { dialogue, staff, actor, themeId } = await setUp();
    const first = await assignResponsibility(staff, { dialogueId: dialogue.id, themeId, actorId: actor.id, note: "Wohnberechtigungsschein" });
    expect(first.agreedAt).toBeNull();
    const agreed = await assignResponsibility(staff, { dialogueId: dialogue.id, themeId, actorId: actor.id, note: "WBS", agreed: true });
    expect(agreed.id).toBe(first.id);
    expect(agreed.agreedAt).toBeInstanceOf(Date);
    const again = await assignResponsibility(staff, { dialogueId: dialogue.id, themeId, actorId: actor.id, note: "WBS", agreed: true });
    expect(again.agreedAt).toEqual(agreed.agreedAt);
    expect(await db.responsibility.count({ where: { dialogueId: dialogue.id } })).toBe(1);
  });

  it("refuses a theme that is not the dialogue's, in the domain and in the database", async () => {
    const { dialogue, staff, actor } = await setUp();
    const notLinked = await createTheme(dialogue.municipalityId);
    const error = await appErrorOf(assignResponsibility(staff, { dialogueId: dialogue.id, themeId: notLinked.id, actorId: actor.id }));
    expect(fieldKeys(error, "themeId")).toEqual(["validation.invalid"]);
    const dbRefusal = await refusal(db.responsibility.create({ data: { dialogueId: dialogue.id, themeId: notLinked.id, actorId: actor.id } }));
    expect(dbRefusal.sqlState).toBe("23503");
  });

  it("refuses an actor of another municipality", async () => {
    const { dialogue, staff, themeId } = await setUp();
    const foreign = await createActor({ municipalityId: (await createMunicipality()).id });
    const error = await appErrorOf(assignResponsibility(staff, { dialogueId: dialogue.id, themeId, actorId: foreign.id }));
    expect(fieldKeys(error, "actorId")).toEqual(["validation.invalid"]);
    expect(await db.responsibility.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  const memberAs = (role: "CO_HOST" | "PARTICIPANT") => async (dialogueId: string) => {
    const user = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogueId, user.id, role);
    return viewerOf(user.id);
  };
  it.each([
    ["a co-host", memberAs("CO_HOST")],
    ["a participant", memberAs("PARTICIPANT")],
    ["staff of another municipality", async () => (await publishedDialogue()).staff],
  ])("refuses %s to assign, agree or remove", async (_, viewerFor) => {
    const { dialogue, staff, actor, themeId } = await setUp();
    const assigned = await assignResponsibility(staff, { dialogueId: dialogue.id, themeId, actorId: actor.id });
    const viewer = await viewerFor(dialogue.id);
    expect((await appErrorOf(assignResponsibility(viewer, { dialogueId: dialogue.id, themeId, actorId: actor.id, agreed: true }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(removeResponsibility(viewer, { responsibilityId: assigned.id }))).code).toBe("FORBIDDEN");
    expect((await db.responsibility.findUniqueOrThrow({ where: { id: assigned.id } })).agreedAt).toBeNull();
  });

  it("lets staff and hosts manage, and refuses in a closed dialogue", async () => {
    const { dialogue, staff, actor, themeId } = await setUp();
    const host = await createUser();
    await addMember(dialogue.id, host.id, "HOST");
    const assigned = await assignResponsibility(await viewerOf(host.id), { dialogueId: dialogue.id, themeId, actorId: actor.id });
    await removeResponsibility(staff, { responsibilityId: assigned.id });
    expect(await db.responsibility.count({ where: { dialogueId: dialogue.id } })).toBe(0);
    // A closed dialogue's map stays as it was when it closed.
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });
    expect((await appErrorOf(assignResponsibility(staff, { dialogueId: dialogue.id, themeId, actorId: actor.id }))).code).toBe("FORBIDDEN");
  });

  it("lists the dialogue's organigram: every theme, with its actors, agreed ones first", async () => {
    const { dialogue, staff, actor } = await setUp();
    const [first, second] = dialogue.themes.map((theme) => theme.themeId);
    const initiative = await createActor({ municipalityId: dialogue.municipalityId, name: "Aaa Initiative", refugeeLed: true });
    await assignResponsibility(staff, { dialogueId: dialogue.id, themeId: first!, actorId: initiative.id });
    await assignResponsibility(staff, { dialogueId: dialogue.id, themeId: first!, actorId: actor.id, agreed: true });
    const map = await listResponsibilities(dialogue.id);
    expect(map.map((entry) => entry.theme.id).sort()).toEqual([first, second].sort());
    const firstEntry = map.find((entry) => entry.theme.id === first)!;
    expect(firstEntry.responsibilities.map((r) => [r.actor.name, r.agreedAt !== null])).toEqual([
      ["Sozialamt", true],
      ["Aaa Initiative", false],
    ]);
    expect(firstEntry.responsibilities[1]!.actor.refugeeLed).toBe(true);
    expect(map.find((entry) => entry.theme.id === second)!.responsibilities).toEqual([]);
  });

  it("gives the planning page to staff and hosts only", async () => {
    const { dialogue, staff, actor } = await setUp();
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    const slugs = { municipalitySlug: municipality.slug, dialogueSlug: dialogue.slug };
    const planning = await getResponsibilityManagement(staff, slugs);
    expect(planning?.actors).toEqual([{ id: actor.id, name: actor.name }]);
    expect(planning?.map.map((entry) => entry.theme.id).sort()).toEqual(dialogue.themes.map((theme) => theme.themeId).sort());
    const coHost = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogue.id, coHost.id, "CO_HOST");
    expect(await getResponsibilityManagement(await viewerOf(coHost.id), slugs)).toBeNull();
    expect(await getResponsibilityManagement(null, slugs)).toBeNull();
    expect(await getResponsibilityManagement(staff, { ...slugs, dialogueSlug: "gibt-es-nicht" })).toBeNull();
  });
});
