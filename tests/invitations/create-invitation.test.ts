// Invitations are handed out by the host team: a short code without look-alikes, a role
// (participant or co-host), an expiry, a number of uses, and a way to take them back.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { findInvitation, invitationStatus } from "@/lib/invitations/find-invitation";
import { formatInvitationCode, normalizeInvitationCode } from "@/lib/invitations/invitation-code";
import { addMember, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { appErrorOf, insertInvitation, viewerOf, invalidInputOf } from "@/tests/support/viewers";

const input = (dialogueId: string) => ({ dialogueId, role: "PARTICIPANT" as const, expiresInDays: 14, maxUses: 50 });

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

describe("createInvitation", () => {
  it("lets staff of the dialogue's municipality invite, with a code of 8 characters without look-alikes", async () => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const before = Date.now();
    const invitation = await createInvitation(staff, { dialogueId: dialogue.id, role: "CO_HOST", expiresInDays: "7", maxUses: "3" });

    expect(invitation.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(invitation).toMatchObject({ role: "CO_HOST", maxUses: 3 });
    const days = (invitation.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(7);
    expect(days).toBeLessThan(7.01);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row).toMatchObject({ dialogueId: dialogue.id, createdById: staff.id, uses: 0, revokedAt: null });
  });

  it.each(["CO_HOST", "HOST"] as const)("lets a %s of the dialogue invite", async (role) => {
    const dialogue = await createDialogue();
    const viewer = await memberOf(dialogue.id, role);
    const invitation = await createInvitation(viewer, input(dialogue.id));
    expect(await db.invitation.findUnique({ where: { id: invitation.id }, select: { createdById: true } })).toEqual({ createdById: viewer.id });
  });

  it("refuses a participant (FORBIDDEN) and a signed-out visitor (UNAUTHENTICATED)", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const participant = await memberOf(dialogue.id, "PARTICIPANT");
    expect((await appErrorOf(createInvitation(participant, input(dialogue.id)))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createInvitation(null, input(dialogue.id)))).code).toBe("UNAUTHENTICATED");
    expect(await db.invitation.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it("refuses staff of another municipality and a dialogue moderator", async () => {
    const dialogue = await createDialogue();
    const foreignStaff = await staffOf((await createMunicipality()).id);
    const moderator = await memberOf(dialogue.id, "MODERATOR");
    expect((await appErrorOf(createInvitation(foreignStaff, input(dialogue.id)))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createInvitation(moderator, input(dialogue.id)))).code).toBe("FORBIDDEN");
  });

  it("refuses a suspended co-host", async () => {
    const dialogue = await createDialogue();
    const coHost = await createUser({ suspendedAt: new Date() });
    await addMember(dialogue.id, coHost.id, "CO_HOST");
    expect((await appErrorOf(createInvitation(await viewerOf(coHost.id), input(dialogue.id)))).code).toBe("FORBIDDEN");
  });

  it("refuses invitations to a closed dialogue", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });
    const staff = await staffOf(dialogue.municipalityId);
    expect((await appErrorOf(createInvitation(staff, input(dialogue.id)))).code).toBe("FORBIDDEN");
  });

  it("says NOT_FOUND for a dialogue that does not exist", async () => {
    const staff = await staffOf((await createMunicipality()).id);
    const error = await appErrorOf(createInvitation(staff, input("0190b6b4-0000-7000-8000-000000000000")));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("refuses roles an invitation cannot give, and limits outside their range", async () => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const role = "HOST" as unknown as "CO_HOST";
    const paths = async (promise: Promise<unknown>) => (await invalidInputOf(promise)).issues.map((issue) => issue.path.join("."));
    expect(await paths(createInvitation(staff, { ...input(dialogue.id), role }))).toEqual(["role"]);
    expect(await paths(createInvitation(staff, { ...input(dialogue.id), maxUses: 0 }))).toEqual(["maxUses"]);
    expect(await paths(createInvitation(staff, { ...input(dialogue.id), expiresInDays: 181 }))).toEqual(["expiresInDays"]);
    expect(await db.invitation.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });
});

describe("revokeInvitation", () => {
  it("lets the host team take an invitation back; findInvitation then says revoked", async () => {
    const dialogue = await createDialogue();
    const coHost = await memberOf(dialogue.id, "CO_HOST");
    const invitation = await createInvitation(coHost, input(dialogue.id));
    await revokeInvitation(coHost, { invitationId: invitation.id });

    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect((await findInvitation(invitation.code))?.status).toBe("revoked");

    // Revoking twice keeps the first time.
    await revokeInvitation(coHost, { invitationId: invitation.id });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toEqual(row.revokedAt);
  });

  it("refuses a participant, a signed-out visitor and staff of another municipality", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const participant = await memberOf(dialogue.id, "PARTICIPANT");
    const foreignStaff = await staffOf((await createMunicipality()).id);
    expect((await appErrorOf(revokeInvitation(participant, { invitationId: invitation.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(revokeInvitation(foreignStaff, { invitationId: invitation.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(revokeInvitation(null, { invitationId: invitation.id }))).code).toBe("UNAUTHENTICATED");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });

  it("says NOT_FOUND for an invitation that does not exist", async () => {
    const staff = await staffOf((await createMunicipality()).id);
    const error = await appErrorOf(revokeInvitation(staff, { invitationId: "0190b6b4-0000-7000-8000-000000000000" }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("findInvitation", () => {
  // Codes are unique: the three ways of typing it share one invitation.
  let typedInvitation: ReturnType<typeof invitationToType> | undefined;
  async function invitationToType() {
    const dialogue = await createDialogue();
    return { dialogue, invitation: await insertInvitation(dialogue, { code: "K7MQ4HTP", role: "CO_HOST" }) };
  }
  it.each(["K7MQ4HTP", "k7mq-4htp", " k7mq 4htp "])("finds a valid invitation by the code typed as %j, with its dialogue", async (typed) => {
    const { dialogue, invitation } = await (typedInvitation ??= invitationToType());
    const found = await findInvitation(typed);
    expect(found).toMatchObject({
      id: invitation.id,
      role: "CO_HOST",
      status: "valid",
      dialogue: { id: dialogue.id, slug: dialogue.slug, codeOfConduct: dialogue.codeOfConduct },
    });
  });

  it.each([
    ["expired", { expiresAt: new Date(Date.now() - 1000) }],
    ["revoked", { revokedAt: new Date() }],
    ["used_up", { maxUses: 2, uses: 2 }],
  ] as const)("says %s", async (status, overrides) => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue, overrides);
    expect((await findInvitation(invitation.code))?.status).toBe(status);
  });

  it("is null for an unknown code and for text that cannot be a code", async () => {
    expect(await findInvitation("2222-2222")).toBeNull();
    expect(await findInvitation("OOOO-IIII")).toBeNull();
    expect(await findInvitation("")).toBeNull();
  });
});

describe("invitationStatus", () => {
  const future = new Date(Date.now() + 60_000);
  it("names revoked before expired before used up", () => {
    expect(invitationStatus({ revokedAt: new Date(), expiresAt: new Date(0), uses: 5, maxUses: 5 })).toBe("revoked");
    expect(invitationStatus({ revokedAt: null, expiresAt: new Date(0), uses: 5, maxUses: 5 })).toBe("expired");
    expect(invitationStatus({ revokedAt: null, expiresAt: future, uses: 5, maxUses: 5 })).toBe("used_up");
    expect(invitationStatus({ revokedAt: null, expiresAt: future, uses: 4, maxUses: 5 })).toBe("valid");
  });
});

describe("invitation codes", () => {
  it("are shown in groups of four and read back in any case and spacing", () => {
    expect(formatInvitationCode("K7MQ4HTP")).toBe("K7MQ-4HTP");
    expect(normalizeInvitationCode("k7mq–4htp")).toBe("K7MQ4HTP");
    expect(normalizeInvitationCode("K7MQ-4HT0")).toBeNull();
    expect(normalizeInvitationCode("K7MQ4")).toBeNull();
  });
});
