// Volunteers become recorders through an invitation: the host team invites with role RECORDER,
// a participant following it moves up, nobody moves down.
import { describe, expect, it } from "vitest";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { invitationRaisesRole } from "@/lib/invitations/invitation-roles";
import { joinDialogue } from "@/lib/invitations/join-dialogue";
import { createUser } from "@/tests/support/factories";
import { context, viewerOf } from "@/tests/support/viewers";
import { dialogueIn, participant } from "@/tests/support/participation";
import { hostOf, memberAs } from "@/tests/support/meetings";

describe("recorder invitations", () => {
  it("invites a newcomer and a participant as recorders; a co-host stays co-host", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const invitation = await createInvitation(await hostOf(dialogue), { dialogueId: dialogue.id, role: "RECORDER", expiresInDays: 7, maxUses: 5 });
    expect(invitation.role).toBe("RECORDER");
    const join = async (userId: string) => {
      // The join page named the role; each person confirmed it (decision 035).
      await joinDialogue(await viewerOf(userId), { code: invitation.code, acceptCodeOfConduct: true, confirmRole: true }, context());
      return (await viewerOf(userId)).dialogueRoles[dialogue.id];
    };
    expect(await join((await createUser({ perspective: "LOCAL_ACTOR" })).id)).toBe("RECORDER");
    expect(await join((await participant(dialogue.id, "LOCAL_ACTOR")).id)).toBe("RECORDER");
    expect(await join((await memberAs(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE")).id)).toBe("CO_HOST");
  });

  it("raises roles only upwards", () => {
    expect(invitationRaisesRole("PARTICIPANT", "RECORDER")).toBe(true);
    expect(invitationRaisesRole("PARTICIPANT", "CO_HOST")).toBe(true);
    expect(invitationRaisesRole("RECORDER", "CO_HOST")).toBe(true);
    expect(invitationRaisesRole("RECORDER", "PARTICIPANT")).toBe(false);
    expect(invitationRaisesRole("CO_HOST", "RECORDER")).toBe(false);
    expect(invitationRaisesRole("HOST", "RECORDER")).toBe(false);
  });
});
