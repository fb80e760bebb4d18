// The municipality's own texts — an actor's description, the introduction — are translated by
// volunteers like a dialogue's (decision 026): whoever joined one of the town's published
// dialogues; not someone who only joined a draft or another town's dialogue, nor a stranger.
// Those who wrote the text check volunteers' translations: staff, and an actor's own members for
// its description (a member of another actor may not); nobody checks their own.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addTranslation } from "@/lib/translations/add-translation";
import { checkTranslation } from "@/lib/translations/check-translation";
import { municipalityTextResource } from "@/lib/translations/translation-target";
import { can } from "@/lib/policy/policy";
import { addMember, createActor, createDialogue, createUser } from "@/tests/support/factories";
import { appErrorOf } from "@/tests/support/viewers";
import { dialogueIn, viewerOf } from "@/tests/support/participation";

async function town() {
  const dialogue = await dialogueIn("COLLECTING");
  const municipalityId = dialogue.municipalityId;
  await db.municipality.update({ where: { id: municipalityId }, data: { introduction: "Willkommen in unserer Stadt." } });
  await db.municipalityMembership.create({ data: { userId: dialogue.createdById, municipalityId, role: "STAFF" } });
  const member = await createUser();
  const actor = await createActor({ municipalityId, description: "Wir helfen beim Ankommen.", members: { create: [{ userId: member.id }] } });
  const volunteer = await createUser();
  await addMember(dialogue.id, volunteer.id, "PARTICIPANT");
  return { dialogue, municipalityId, actor, actorMember: await viewerOf(member.id), volunteer: await viewerOf(volunteer.id), staff: await viewerOf(dialogue.createdById) };
}

describe("volunteers translate the municipality's own texts", () => {
  it("someone who joined one of the town's published dialogues translates an actor's description and the introduction", async () => {
    const { municipalityId, actor, volunteer } = await town();
    const description = await addTranslation(volunteer, { actorId: actor.id, language: "ar", body: "نساعد عند الوصول." });
    const introduction = await addTranslation(volunteer, { municipalityId, language: "uk", body: "Ласкаво просимо до нашого міста." });
    expect(await db.translation.findUniqueOrThrow({ where: { id: description.id } })).toMatchObject({ method: "VOLUNTEER", translatorId: volunteer.id, checkedAt: null });
    expect(await db.translation.findUniqueOrThrow({ where: { id: introduction.id } })).toMatchObject({ method: "VOLUNTEER", language: "uk" });
  });

  it.each([
    ["who joined only a draft here", async (municipalityId: string) => {
      const user = await createUser();
      await addMember((await createDialogue({ municipalityId })).id, user.id, "PARTICIPANT");
      return user;
    }],
    ["who joined only another town's dialogue", async () => {
      const user = await createUser();
      await addMember((await dialogueIn("COLLECTING")).id, user.id, "PARTICIPANT");
      return user;
    }],
    ["who joined nothing", () => createUser()],
  ])("refuses someone %s, and the pages offer no \"Translate\" to them", async (_, userFor) => {
    const { municipalityId, actor } = await town();
    const viewer = await viewerOf((await userFor(municipalityId)).id);
    expect((await appErrorOf(addTranslation(viewer, { actorId: actor.id, language: "ar", body: "x" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(addTranslation(viewer, { municipalityId, language: "ar", body: "x" }))).code).toBe("FORBIDDEN");
    // The pages offer "Translate" by the same rule.
    expect(can(viewer, "translation:create", await municipalityTextResource(municipalityId))).toBe(false);
  });

  it("the actor's own members and staff check a volunteer's translation of its description; a member of another actor, the volunteer themself and another volunteer do not", async () => {
    const { dialogue, municipalityId, actor, actorMember, volunteer, staff } = await town();
    const otherMember = await createUser();
    await createActor({ municipalityId, description: "Andere Initiative.", members: { create: [{ userId: otherMember.id }] } });
    const another = await createUser();
    await addMember(dialogue.id, another.id, "PARTICIPANT");
    const first = await addTranslation(volunteer, { actorId: actor.id, language: "ar", body: "نساعد عند الوصول." });
    const refusedTo = async (viewer: Parameters<typeof checkTranslation>[0]) => (await appErrorOf(checkTranslation(viewer, { translationId: first.id }))).code;
    expect({
      otherActorsMember: await refusedTo(await viewerOf(otherMember.id)),
      anotherParticipant: await refusedTo(await viewerOf(another.id)),
      theVolunteer: await refusedTo(volunteer),
    }).toEqual({ otherActorsMember: "FORBIDDEN", anotherParticipant: "FORBIDDEN", theVolunteer: "FORBIDDEN" });
    await checkTranslation(actorMember, { translationId: first.id });
    expect(await db.translation.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ checkedById: actorMember.id });

    const second = await addTranslation(volunteer, { actorId: actor.id, language: "fa", body: "ما در رسیدن کمک می‌کنیم." });
    await checkTranslation(staff, { translationId: second.id });
    expect(await db.translation.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ checkedById: staff.id });
  });

  it("an actor's member is no checker of the introduction, nor of a dialogue's texts", async () => {
    const { municipalityId, actorMember, volunteer } = await town();
    const translation = await addTranslation(volunteer, { municipalityId, language: "ar", body: "مرحبًا بكم في مدينتنا." });
    expect((await appErrorOf(checkTranslation(actorMember, { translationId: translation.id }))).code).toBe("FORBIDDEN");
  });
});
