// The host team sees a dialogue's invitations with how far each has gone; nobody else does.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { addMember, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { appErrorOf, insertInvitation, viewerOf } from "@/tests/support/viewers";

async function staffOf(municipalityId: string) {
  const user = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role: "STAFF" } });
  return viewerOf(user.id);
}

async function memberOf(dialogueId: string, role: "PARTICIPANT" | "CO_HOST" | "MODERATOR" | "HOST") {
  const user = await createUser();
  await addMember(dialogueId, user.id, role);
  return viewerOf(user.id);
}

describe("listInvitations", () => {
  async function dialogueWithInvitations() {
    const dialogue = await createDialogue();
    const day = 24 * 60 * 60 * 1000;
    const valid = await insertInvitation(dialogue, { role: "CO_HOST", maxUses: 5, uses: 3, createdAt: new Date(Date.now() - 4 * day) });
    const expired = await insertInvitation(dialogue, { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 3 * day) });
    const revoked = await insertInvitation(dialogue, { revokedAt: new Date(), createdAt: new Date(Date.now() - 2 * day) });
    const usedUp = await insertInvitation(dialogue, { maxUses: 2, uses: 2, createdAt: new Date(Date.now() - day) });
    await insertInvitation(await createDialogue());
    return { dialogue, valid, expired, revoked, usedUp };
  }

  it.each([
    ["staff", (dialogue: { municipalityId: string }) => staffOf(dialogue.municipalityId)],
    ["the host", (dialogue: { id: string }) => memberOf(dialogue.id, "HOST")],
  ] as const)("gives %s every invitation of the dialogue, newest first, with its status", async (_, viewerFor) => {
    const { dialogue, valid, expired, revoked, usedUp } = await dialogueWithInvitations();
    const listed = await listInvitations(await viewerFor(dialogue), { dialogueId: dialogue.id });
    expect(listed.map((invitation) => [invitation.id, invitation.status])).toEqual([
      [usedUp.id, "used_up"],
      [revoked.id, "revoked"],
      [expired.id, "expired"],
      [valid.id, "valid"],
    ]);
    expect(listed.at(-1)).toMatchObject({ code: valid.code, role: "CO_HOST", uses: 3, maxUses: 5, expiresAt: valid.expiresAt, revokedAt: null });
  });

  it("gives a co-host the participant invitations only", async () => {
    const { dialogue, expired, revoked, usedUp } = await dialogueWithInvitations();
    // A co-host sees the participant invitations only: the team-role code is the host's to give (decision 035).
    const seenByCoHost = await listInvitations(await memberOf(dialogue.id, "CO_HOST"), { dialogueId: dialogue.id });
    expect(seenByCoHost.map((invitation) => [invitation.id, invitation.status])).toEqual([
      [usedUp.id, "used_up"],
      [revoked.id, "revoked"],
      [expired.id, "expired"],
    ]);
  });

  it("is empty for a dialogue without invitations", async () => {
    const dialogue = await createDialogue();
    expect(await listInvitations(await staffOf(dialogue.municipalityId), { dialogueId: dialogue.id })).toEqual([]);
  });

  it.each([
    ["a participant", (dialogueId: string) => memberOf(dialogueId, "PARTICIPANT"), "FORBIDDEN"],
    ["a moderator", (dialogueId: string) => memberOf(dialogueId, "MODERATOR"), "FORBIDDEN"],
    ["staff of another municipality", async () => staffOf((await createMunicipality()).id), "FORBIDDEN"],
    ["a signed-out visitor", async () => null, "UNAUTHENTICATED"],
  ] as const)("refuses %s", async (_, viewerFor, code) => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    await insertInvitation(dialogue);
    expect((await appErrorOf(listInvitations(await viewerFor(dialogue.id), { dialogueId: dialogue.id }))).code).toBe(code);
  });

  it("says NOT_FOUND for a dialogue that does not exist", async () => {
    const staff = await staffOf((await createMunicipality()).id);
    const error = await appErrorOf(listInvitations(staff, { dialogueId: "0190b6b4-0000-7000-8000-000000000000" }));
    expect(error.code).toBe("NOT_FOUND");
  });
});
