// A signed-in person follows an invitation to another dialogue (or the same one, invited to
// co-host): they join or move up, and an invitation is used only when something changes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { joinDialogue } from "@/lib/invitations/join-dialogue";
import { addMember, createDialogue, createUser, uniqueInvitationCode } from "@/tests/support/factories";
import { appErrorOf, context, fieldKeys, insertInvitation, viewerOf, invalidInputOf } from "@/tests/support/viewers";

const usesOf = async (id: string) => (await db.invitation.findUniqueOrThrow({ where: { id } })).uses;
const roleOf = async (userId: string, dialogueId: string) =>
  (await db.membership.findUnique({ where: { userId_dialogueId: { userId, dialogueId } } }))?.role;

describe("joinDialogue", () => {
  it("joins a signed-in person in the invitation's role, with the code of conduct accepted", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const user = await createUser();
    const result = await joinDialogue(await viewerOf(user.id), { code: invitation.code.toLowerCase(), acceptCodeOfConduct: true }, context());

    expect(result).toEqual({ dialogueId: dialogue.id });
    const membership = await db.membership.findUniqueOrThrow({ where: { userId_dialogueId: { userId: user.id, dialogueId: dialogue.id } } });
    expect(membership).toMatchObject({ role: "PARTICIPANT", invitationId: invitation.id });
    expect(membership.codeOfConductAcceptedAt).toBeInstanceOf(Date);
    expect(await usesOf(invitation.id)).toBe(1);
    expect((await viewerOf(user.id)).dialogueRoles[dialogue.id]).toBe("PARTICIPANT");
  });

  it("moves a participant invited as co-host up to CO_HOST, using the invitation once", async () => {
    const dialogue = await createDialogue();
    const user = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogue.id, user.id, "PARTICIPANT");
    const invitation = await insertInvitation(dialogue, { role: "CO_HOST" });
    // The join page named the role; the person confirmed it (decision 035).
    await joinDialogue(await viewerOf(user.id), { code: invitation.code, acceptCodeOfConduct: true, confirmRole: true }, context());

    expect(await roleOf(user.id, dialogue.id)).toBe("CO_HOST");
    expect(await usesOf(invitation.id)).toBe(1);
  });

  it("does not use up an invitation for someone who is already a member", async () => {
    const dialogue = await createDialogue();
    const user = await createUser();
    await addMember(dialogue.id, user.id, "PARTICIPANT");
    const invitation = await insertInvitation(dialogue, { maxUses: 1 });
    const viewer = await viewerOf(user.id);
    await joinDialogue(viewer, { code: invitation.code, acceptCodeOfConduct: true }, context());
    await joinDialogue(viewer, { code: invitation.code, acceptCodeOfConduct: true }, context());

    expect(await usesOf(invitation.id)).toBe(0);
    expect(await roleOf(user.id, dialogue.id)).toBe("PARTICIPANT");
  });

  it.each(["HOST", "CO_HOST", "MODERATOR"] as const)("never moves a %s down or sideways", async (role) => {
    const dialogue = await createDialogue();
    const user = await createUser();
    await addMember(dialogue.id, user.id, role);
    for (const invitedAs of ["PARTICIPANT", "CO_HOST"] as const) {
      const invitation = await insertInvitation(dialogue, { role: invitedAs });
      await joinDialogue(await viewerOf(user.id), { code: invitation.code, acceptCodeOfConduct: true }, context());
      expect(await usesOf(invitation.id)).toBe(0);
    }
    expect(await roleOf(user.id, dialogue.id)).toBe(role);
  });

  it.each([
    ["expired", { expiresAt: new Date(Date.now() - 1000) }, "errors.invitation_expired"],
    ["revoked", { revokedAt: new Date() }, "errors.invitation_revoked"],
    ["used up", { maxUses: 1, uses: 1 }, "errors.invitation_used_up"],
  ] as const)("refuses an invitation that is %s with its own message", async (_state, overrides, key) => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue, overrides);
    const user = await createUser();
    const error = await appErrorOf(joinDialogue(await viewerOf(user.id), { code: invitation.code, acceptCodeOfConduct: true }, context()));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "code")).toEqual([key]);
    expect(await roleOf(user.id, dialogue.id)).toBeUndefined();
  });

  it.each([
    ["Arabic-Indic", "٠"],
    ["Persian", "۰"],
    ["full-width", "０"],
    ["Devanagari", "०"],
  ])("accepts an invitation code typed with %s digits", async (_script, zero) => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue, { code: `${uniqueInvitationCode(4)}2345` });
    const typed = invitation.code.replace(/[0-9]/g, (digit) => String.fromCodePoint(zero.codePointAt(0)! + Number(digit)));
    const user = await createUser();
    await expect(joinDialogue(await viewerOf(user.id), { code: typed, acceptCodeOfConduct: true }, context())).resolves.toEqual({ dialogueId: dialogue.id });
  });

  it("refuses an unknown code with errors.invitation_unknown", async () => {
    const user = await createUser();
    const error = await appErrorOf(joinDialogue(await viewerOf(user.id), { code: "2222-3333", acceptCodeOfConduct: true }, context()));
    expect(fieldKeys(error, "code")).toEqual(["errors.invitation_unknown"]);
  });

  it("refuses a signed-out visitor (UNAUTHENTICATED) and a suspended account (FORBIDDEN)", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const suspended = await createUser({ suspendedAt: new Date() });
    expect((await appErrorOf(joinDialogue(null, { code: invitation.code, acceptCodeOfConduct: true }, context()))).code).toBe("UNAUTHENTICATED");
    expect((await appErrorOf(joinDialogue(await viewerOf(suspended.id), { code: invitation.code, acceptCodeOfConduct: true }, context()))).code).toBe(
      "FORBIDDEN",
    );
    expect(await usesOf(invitation.id)).toBe(0);
  });

  it("refuses to join without accepting the code of conduct", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const user = await createUser();
    const error = await invalidInputOf(joinDialogue(await viewerOf(user.id), { code: invitation.code, acceptCodeOfConduct: "off" as unknown as true }, context()));
    expect(error.issues).toEqual([expect.objectContaining({ path: ["acceptCodeOfConduct"], message: "validation.required" })]);
    expect(await usesOf(invitation.id)).toBe(0);
  });

  it("limits joins through one invitation code", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue, { revokedAt: new Date() });
    const viewer = await viewerOf((await createUser()).id);
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 201; attempt++) {
      codes.push((await appErrorOf(joinDialogue(viewer, { code: invitation.code, acceptCodeOfConduct: true }, context()))).code);
    }
    expect(codes.slice(0, 200).every((code) => code === "INVALID_INPUT")).toBe(true);
    expect(codes[200]).toBe("RATE_LIMITED");
  });

  it("counts nothing when a member follows the invitation again, so members cannot lock newcomers out", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const member = await createUser();
    await addMember(dialogue.id, member.id, "PARTICIPANT");
    const viewer = await viewerOf(member.id);
    for (let attempt = 1; attempt <= 220; attempt++) {
      await joinDialogue(viewer, { code: invitation.code, acceptCodeOfConduct: true }, context());
    }
    const newcomer = await viewerOf((await createUser()).id);
    await joinDialogue(newcomer, { code: invitation.code, acceptCodeOfConduct: true }, context());
    expect(await usesOf(invitation.id)).toBe(1);
  });

  it("slows down guessing: codes that lead nowhere are limited per address", async () => {
    const viewer = await viewerOf((await createUser()).id);
    const address = context();
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 21; attempt++) {
      codes.push((await appErrorOf(joinDialogue(viewer, { code: `2222${String(attempt).padStart(4, "2").replace(/[01]/g, "2")}`, acceptCodeOfConduct: true }, address))).code);
    }
    expect(codes.slice(0, 20).every((code) => code === "INVALID_INPUT")).toBe(true);
    expect(codes[20]).toBe("RATE_LIMITED");
  });
});
