// Invitations: short codes that can be read out and typed, used no more often than allowed,
// and never a way to become HOST or MODERATOR (principle 3, low threshold).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createDialogue, uniqueInvitationCode } from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

async function invite(overrides: Partial<Prisma.InvitationUncheckedCreateInput> = {}) {
  const dialogue = await createDialogue();
  return db.invitation.create({
    data: {
      dialogueId: dialogue.id,
      code: uniqueInvitationCode(),
      expiresAt: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
      maxUses: 100,
      createdById: dialogue.createdById,
      ...overrides,
    },
  });
}

describe("invitation_code_without_lookalikes", () => {
  it.each([
    ["0 (zero)", "AB0CDE"],
    ["O", "ABOCDE"],
    ["1 (one)", "AB1CDE"],
    ["I", "ABICDE"],
    ["L", "ABLCDE"],
  ])("refuses a code containing %s", async (_character, code) => {
    await expectConstraint(invite({ code }), "invitation_code_without_lookalikes");
  });

  it.each([
    ["lower-case", "abcdef"],
    ["shorter than 6", "ABCDE"],
    ["longer than 16", "ABCDEFGHJKMNPQRST"],
    ["with a hyphen", "ABC-DEF"],
  ])("refuses a code that is %s", async (_shape, code) => {
    await expectConstraint(invite({ code }), "invitation_code_without_lookalikes");
  });

  it("accepts a code of digits 2–9 and letters without look-alikes", async () => {
    const invitation = await invite({ code: "K7M2PX9Q" });
    expect(invitation.code).toBe("K7M2PX9Q");
  });
});

describe("invitation_uses_within_limit", () => {
  it("refuses more uses than maxUses", async () => {
    await expectConstraint(invite({ maxUses: 3, uses: 4 }), "invitation_uses_within_limit");
  });

  it("refuses counting a use past the limit", async () => {
    const invitation = await invite({ maxUses: 1 });
    await db.invitation.update({ where: { id: invitation.id }, data: { uses: { increment: 1 } } });
    await expectConstraint(
      db.invitation.update({ where: { id: invitation.id }, data: { uses: { increment: 1 } } }),
      "invitation_uses_within_limit",
    );
  });

  it.each([
    ["maxUses 0", { maxUses: 0 }],
    ["negative uses", { uses: -1 }],
  ])("refuses %s", async (_label, overrides) => {
    await expectConstraint(invite(overrides), "invitation_uses_within_limit");
  });

  it("accepts uses equal to maxUses", async () => {
    const invitation = await invite({ maxUses: 2, uses: 2 });
    expect(invitation.uses).toBe(2);
  });
});

describe("invitation_role_joinable", () => {
  it.each(["HOST", "MODERATOR"] as const)("refuses an invitation to join as %s", async (role) => {
    await expectConstraint(invite({ role }), "invitation_role_joinable");
  });

  it.each(["PARTICIPANT", "RECORDER", "CO_HOST"] as const)("accepts an invitation to join as %s", async (role) => {
    expect((await invite({ role, maxUses: role === "PARTICIPANT" ? 100 : 5 })).role).toBe(role);
  });
});

// Decision 035: an invitation into the team (recorder, co-host) is personal, at most 5 uses
// while it can be used; a withdrawn one may keep what it had.
describe("invitation_team_role_few_uses", () => {
  it.each(["RECORDER", "CO_HOST"] as const)("refuses a %s invitation for 6 uses, and raising one to 6", async (role) => {
    await expectConstraint(invite({ role, maxUses: 6 }), "invitation_team_role_few_uses");
    const five = await invite({ role, maxUses: 5 });
    await expectConstraint(db.invitation.update({ where: { id: five.id }, data: { maxUses: 6 } }), "invitation_team_role_few_uses");
  });

  it("lets a participant invitation have many uses, and a withdrawn team invitation keep its old limit", async () => {
    expect((await invite({ role: "PARTICIPANT", maxUses: 5000 })).maxUses).toBe(5000);
    expect((await invite({ role: "CO_HOST", maxUses: 50, revokedAt: new Date() })).maxUses).toBe(50);
  });
});
