// A poster shows one invitation's code with its dialogue's title and languages, to the host team only.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getInvitationPoster } from "@/lib/invitations/get-invitation-poster";
import { addMember, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { appErrorOf, insertInvitation, viewerOf } from "@/tests/support/viewers";

async function staffOf(municipalityId: string) {
  const user = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role: "STAFF" } });
  return viewerOf(user.id);
}

async function memberOf(dialogueId: string, role: "PARTICIPANT" | "CO_HOST") {
  const user = await createUser();
  await addMember(dialogueId, user.id, role);
  return viewerOf(user.id);
}

describe("getInvitationPoster", () => {
  it.each([
    ["staff", (dialogue: { id: string; municipalityId: string }) => staffOf(dialogue.municipalityId)],
    ["a co-host", (dialogue: { id: string; municipalityId: string }) => memberOf(dialogue.id, "CO_HOST")],
  ])("gives %s the code with the dialogue's title, languages and place", async (_, viewerFor) => {
    const dialogue = await createDialogue({ languages: ["de", "ar", "en"] });
    const invitation = await insertInvitation(dialogue, { role: "PARTICIPANT" });
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    expect(await getInvitationPoster(await viewerFor(dialogue), { invitationId: invitation.id })).toMatchObject({
      id: invitation.id,
      code: invitation.code,
      role: "PARTICIPANT",
      status: "valid",
      dialogue: {
        id: dialogue.id,
        slug: dialogue.slug,
        title: dialogue.title,
        languages: ["de", "ar", "en"],
        municipality: { slug: municipality.slug },
      },
    });
  });

  it.each(["RECORDER", "CO_HOST"] as const)("has no poster for a team-role invitation (%s): it is personal (decision 035)", async (role) => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const invitation = await insertInvitation(dialogue, { role });
    expect(await getInvitationPoster(staff, { invitationId: invitation.id })).toBeNull();
  });

  it("says when the invitation no longer works", async () => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const revoked = await insertInvitation(dialogue, { revokedAt: new Date() });
    const expired = await insertInvitation(dialogue, { expiresAt: new Date(Date.now() - 1000) });
    expect((await getInvitationPoster(staff, { invitationId: revoked.id }))?.status).toBe("revoked");
    expect((await getInvitationPoster(staff, { invitationId: expired.id }))?.status).toBe("expired");
  });

  it.each([
    ["a participant", (dialogueId: string) => memberOf(dialogueId, "PARTICIPANT"), "FORBIDDEN"],
    ["staff of another municipality", async () => staffOf((await createMunicipality()).id), "FORBIDDEN"],
    ["a signed-out visitor", async () => null, "UNAUTHENTICATED"],
  ] as const)("refuses %s", async (_, viewerFor, code) => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const invitation = await insertInvitation(dialogue);
    expect((await appErrorOf(getInvitationPoster(await viewerFor(dialogue.id), { invitationId: invitation.id }))).code).toBe(code);
  });

  it("is null for an unknown id and for text that cannot be one", async () => {
    const staff = await staffOf((await createMunicipality()).id);
    expect(await getInvitationPoster(staff, { invitationId: "0190b6b4-0000-7000-8000-000000000000" })).toBeNull();
    expect(await getInvitationPoster(staff, { invitationId: "poster" })).toBeNull();
  });
});
