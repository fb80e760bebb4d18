// Team roles that cannot be taken over (issue 15, decision 035): a team-role invitation is
// personal (one use by default, at most 5, no poster, only staff and the host make one), and
// staff or the host take a member out of a team role, logged — never the last co-host with lived
// experience of flight of an open dialogue, not even with two removals at once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { getInvitationPoster } from "@/lib/invitations/get-invitation-poster";
import { joinDialogue, signUpWithInvitation } from "@/lib/invitations/join-dialogue";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { TEAM_INVITATION_MAX_USES } from "@/lib/invitations/invitation-roles";
import { LAST_LIVED_EXPERIENCE_COHOST, listTeam, removeFromTeam } from "@/lib/team/team";
import { isAppError } from "@/lib/errors";
import { addMember, createDialogue, createUser, openDialogue } from "@/tests/support/factories";
import { waitUntilSomeoneWaitsForALock } from "@/tests/support/locks";
import { appErrorOf, context, fieldKeys, invalidInputOf, viewerOf } from "@/tests/support/viewers";

async function staffOf(municipalityId: string) {
  const user = await createUser();
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role: "STAFF" } });
  return viewerOf(user.id);
}

async function member(dialogueId: string, role: "PARTICIPANT" | "CO_HOST" | "MODERATOR" | "RECORDER" | "HOST", perspective: "LIVED_EXPERIENCE" | "NOT_STATED" = "NOT_STATED") {
  const user = await createUser({ perspective });
  const membership = await addMember(dialogueId, user.id, role);
  return { user, membership };
}

/** An open dialogue whose only lived-experience co-host is the one returned. */
async function openWithOneCoHost() {
  const dialogue = await createDialogue();
  const coHost = await member(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE");
  await openDialogue(dialogue.id);
  return { dialogue, coHost };
}

const roleOf = async (membershipId: string) => (await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).role;

describe("team-role invitations", () => {
  it.each([
    ["CO_HOST", 1, 14],
    ["RECORDER", 1, 14],
    ["PARTICIPANT", 50, 30],
  ] as const)("default for a %s: %i use(s) for %i days", async (role, maxUses, days) => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const day = 86_400_000;
    const before = Date.now();
    const invitation = await createInvitation(staff, { dialogueId: dialogue.id, role });
    expect(invitation.maxUses).toBe(maxUses);
    expect((invitation.expiresAt.getTime() - before) / day).toBeGreaterThanOrEqual(days);
    expect((invitation.expiresAt.getTime() - before) / day).toBeLessThan(days + 0.01);
  });

  it("may be raised to at most 5 uses on purpose; 6 is refused next to the field, and by the database", async () => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const five = await createInvitation(staff, { dialogueId: dialogue.id, role: "CO_HOST", expiresInDays: 7, maxUses: TEAM_INVITATION_MAX_USES });
    expect(five.maxUses).toBe(5);
    const error = await invalidInputOf(createInvitation(staff, { dialogueId: dialogue.id, role: "CO_HOST", expiresInDays: 7, maxUses: 6 }));
    expect(error.issues.map((issue) => issue.path.join("."))).toEqual(["maxUses"]);
    expect(fieldKeys(await appErrorOf(createInvitation(staff, { dialogueId: dialogue.id, role: "RECORDER", expiresInDays: 7, maxUses: 50 })), "maxUses")).toEqual([
      "validation.too_big_number",
    ]);
    // A participant invitation may still be a poster's worth.
    expect((await createInvitation(staff, { dialogueId: dialogue.id, role: "PARTICIPANT", expiresInDays: 7, maxUses: 500 })).maxUses).toBe(500);

    await expect(
      db.invitation.create({ data: { dialogueId: dialogue.id, role: "CO_HOST", code: "ABCDEFGH", expiresAt: new Date(Date.now() + 86_400_000), maxUses: 6, createdById: staff.id } }),
    ).rejects.toThrow(/invitation_team_role_few_uses/);
    await expect(db.invitation.update({ where: { id: five.id }, data: { maxUses: 50 } })).rejects.toThrow(/invitation_team_role_few_uses/);
  });

  it("are made by staff and the host only: a co-host invites participants", async () => {
    const dialogue = await createDialogue();
    const host = await viewerOf(dialogue.createdById);
    const coHost = await viewerOf((await member(dialogue.id, "CO_HOST")).user.id);
    expect((await createInvitation(host, { dialogueId: dialogue.id, role: "CO_HOST" })).maxUses).toBe(1);
    expect((await createInvitation(coHost, { dialogueId: dialogue.id, role: "PARTICIPANT" })).maxUses).toBe(50);
  });

  it.each(["CO_HOST", "RECORDER"] as const)("are not made for the role %s by a co-host", async (role) => {
    const dialogue = await createDialogue();
    const coHost = await viewerOf((await member(dialogue.id, "CO_HOST")).user.id);
    expect((await appErrorOf(createInvitation(coHost, { dialogueId: dialogue.id, role }))).code).toBe("FORBIDDEN");
    expect(await db.invitation.count({ where: { dialogueId: dialogue.id, role } })).toBe(0);
  });

  it("are listed with their codes, and revoked, only by those who may make them: a co-host never reads the host's personal co-host or recorder code", async () => {
    const dialogue = await createDialogue();
    const host = await viewerOf(dialogue.createdById);
    const coHost = await viewerOf((await member(dialogue.id, "CO_HOST")).user.id);
    const coHostInvitation = await createInvitation(host, { dialogueId: dialogue.id, role: "CO_HOST" });
    const recorderInvitation = await createInvitation(host, { dialogueId: dialogue.id, role: "RECORDER" });
    const participantInvitation = await createInvitation(host, { dialogueId: dialogue.id, role: "PARTICIPANT" });
    const seenByCoHost = (await listInvitations(coHost, { dialogueId: dialogue.id })).map((invitation) => invitation.code);
    expect(seenByCoHost).toEqual([participantInvitation.code]);
    const seenByHost = (await listInvitations(host, { dialogueId: dialogue.id })).map((invitation) => invitation.code);
    expect(seenByHost.sort()).toEqual([coHostInvitation.code, recorderInvitation.code, participantInvitation.code].sort());
    expect((await appErrorOf(revokeInvitation(coHost, { invitationId: coHostInvitation.id }))).code).toBe("FORBIDDEN");
    await revokeInvitation(coHost, { invitationId: participantInvitation.id });
    await revokeInvitation(host, { invitationId: recorderInvitation.id });
    const revoked = await db.invitation.findMany({ where: { dialogueId: dialogue.id, revokedAt: { not: null } }, select: { id: true } });
    expect(revoked.map((row) => row.id).sort()).toEqual([participantInvitation.id, recorderInvitation.id].sort());
  });

  it("have no poster; a participant invitation has one", async () => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const coHostInvitation = await createInvitation(staff, { dialogueId: dialogue.id, role: "CO_HOST" });
    const participantInvitation = await createInvitation(staff, { dialogueId: dialogue.id, role: "PARTICIPANT" });
    expect(await getInvitationPoster(staff, { invitationId: coHostInvitation.id })).toBeNull();
    expect(await getInvitationPoster(staff, { invitationId: participantInvitation.id })).toMatchObject({ code: participantInvitation.code });
  });

  it("is taken on only after the person confirmed the role; a participant invitation asks for nothing more", async () => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const coHostInvitation = await createInvitation(staff, { dialogueId: dialogue.id, role: "CO_HOST" });
    const unconfirmed = await appErrorOf(signUpWithInvitation({ code: coHostInvitation.code, displayName: "Amal", locale: "ar", acceptCodeOfConduct: true }, context()));
    expect(fieldKeys(unconfirmed, "confirmRole")).toEqual(["join.teamRole.confirmMissing"]);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: coHostInvitation.id } })).uses).toBe(0);

    await openDialogue(dialogue.id);
    const participant = await member(dialogue.id, "PARTICIPANT");
    const viewer = await viewerOf(participant.user.id);
    expect(fieldKeys(await appErrorOf(joinDialogue(viewer, { code: coHostInvitation.code, acceptCodeOfConduct: true }, context())), "confirmRole")).toEqual([
      "join.teamRole.confirmMissing",
    ]);
    expect(await roleOf(participant.membership.id)).toBe("PARTICIPANT");

    const participantInvitation = await createInvitation(staff, { dialogueId: dialogue.id, role: "PARTICIPANT" });
    await signUpWithInvitation({ code: participantInvitation.code, displayName: "Yonas", locale: "ti", acceptCodeOfConduct: true }, context());
    expect((await db.invitation.findUniqueOrThrow({ where: { id: participantInvitation.id } })).uses).toBe(1);
  });

  it("single use holds when two people sign up with it at the same moment: one becomes co-host, the other is told it is used up", async () => {
    const dialogue = await createDialogue();
    const invitation = await createInvitation(await staffOf(dialogue.municipalityId), { dialogueId: dialogue.id, role: "CO_HOST" });
    const results = await Promise.allSettled(
      ["Amal", "Yonas"].map((displayName) => signUpWithInvitation({ code: invitation.code, displayName, locale: "ar", acceptCodeOfConduct: true, confirmRole: true }, context())),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(refused.map((reason) => (isAppError(reason, "INVALID_INPUT") ? fieldKeys(reason, "code") : reason))).toEqual([["errors.invitation_used_up"]]);
    expect(await db.membership.count({ where: { dialogueId: dialogue.id, role: "CO_HOST" } })).toBe(1);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).uses).toBe(1);
  });

  it("single use holds when two signed-in participants follow it at once: one moves up, the other stays a participant", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const invitation = await createInvitation(await staffOf(dialogue.municipalityId), { dialogueId: dialogue.id, role: "CO_HOST" });
    const people = await Promise.all([member(dialogue.id, "PARTICIPANT"), member(dialogue.id, "PARTICIPANT")]);
    const viewers = await Promise.all(people.map((person) => viewerOf(person.user.id)));
    const results = await Promise.allSettled(viewers.map((viewer) => joinDialogue(viewer, { code: invitation.code, acceptCodeOfConduct: true, confirmRole: true }, context())));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((await Promise.all(people.map((person) => roleOf(person.membership.id)))).sort()).toEqual(["CO_HOST", "PARTICIPANT"]);
  });
});

describe("removing a member from a team role", () => {
  it("lets staff and the host remove a co-host, a moderator and a recorder: they stay participants, and the log says who, whom, which role", async () => {
    const { dialogue } = await openWithOneCoHost();
    const staff = await staffOf(dialogue.municipalityId);
    const host = await viewerOf(dialogue.createdById);
    const targets = await Promise.all([member(dialogue.id, "CO_HOST"), member(dialogue.id, "MODERATOR"), member(dialogue.id, "RECORDER")]);
    const removerOf = (index: number) => (index % 2 === 0 ? staff : host);
    const removed = [];
    for (const [index, target] of targets.entries()) {
      const role = target.membership.role as "CO_HOST" | "MODERATOR" | "RECORDER";
      const removal = await removeFromTeam(removerOf(index), { dialogueId: dialogue.id, membershipId: target.membership.id, role });
      const { dialogueId, userId, role: logged, removedById } = await db.teamRoleRemoval.findUniqueOrThrow({ where: { id: removal.id } });
      removed.push({ answered: removal.role, now: await roleOf(target.membership.id), log: { dialogueId, userId, role: logged, removedById } });
    }
    expect(removed).toEqual(
      targets.map((target, index) => ({
        answered: target.membership.role,
        now: "PARTICIPANT",
        log: { dialogueId: dialogue.id, userId: target.user.id, role: target.membership.role, removedById: removerOf(index).id },
      })),
    );
    const team = await listTeam(staff, { dialogueId: dialogue.id });
    expect(team.removals.map((removal) => removal.role)).toEqual(["RECORDER", "MODERATOR", "CO_HOST"]);
    expect(team.members.map((m) => m.role).sort()).toEqual(["CO_HOST", "HOST"]);
    // The log is written once.
    await expect(db.teamRoleRemoval.updateMany({ where: { dialogueId: dialogue.id }, data: { role: "HOST" } })).rejects.toThrow(/team_role_removal_append_only/);
  });

  it.each([
    ["a co-host", async (dialogueId: string) => viewerOf((await member(dialogueId, "CO_HOST")).user.id), "FORBIDDEN"],
    ["a moderator", async (dialogueId: string) => viewerOf((await member(dialogueId, "MODERATOR")).user.id), "FORBIDDEN"],
    ["a participant", async (dialogueId: string) => viewerOf((await member(dialogueId, "PARTICIPANT")).user.id), "FORBIDDEN"],
    ["staff of another town", async () => staffOf((await createDialogue()).municipalityId), "FORBIDDEN"],
    ["a signed-out visitor", async () => null, "UNAUTHENTICATED"],
  ] as const)("refuses %s removing a recorder", async (_, viewerFor, code) => {
    const { dialogue } = await openWithOneCoHost();
    const target = await member(dialogue.id, "RECORDER");
    const input = { dialogueId: dialogue.id, membershipId: target.membership.id, role: "RECORDER" as const };
    expect((await appErrorOf(removeFromTeam(await viewerFor(dialogue.id), input))).code).toBe(code);
    expect(await roleOf(target.membership.id)).toBe("RECORDER");
  });

  it("lets only staff remove a host", async () => {
    const { dialogue } = await openWithOneCoHost();
    const secondHost = await member(dialogue.id, "HOST");
    const hostInput = { dialogueId: dialogue.id, membershipId: secondHost.membership.id, role: "HOST" as const };
    expect((await appErrorOf(removeFromTeam(await viewerOf(dialogue.createdById), hostInput))).code).toBe("FORBIDDEN");
    await removeFromTeam(await staffOf(dialogue.municipalityId), hostInput);
    expect(await roleOf(secondHost.membership.id)).toBe("PARTICIPANT");
    expect(await db.teamRoleRemoval.count({ where: { dialogueId: dialogue.id } })).toBe(1);
  });

  it("does not remove a role the page no longer shows (a second click is a conflict, nothing logged twice)", async () => {
    const { dialogue } = await openWithOneCoHost();
    const staff = await staffOf(dialogue.municipalityId);
    const target = await member(dialogue.id, "MODERATOR");
    const input = { dialogueId: dialogue.id, membershipId: target.membership.id, role: "MODERATOR" as const };
    await removeFromTeam(staff, input);
    expect((await appErrorOf(removeFromTeam(staff, input))).code).toBe("CONFLICT");
    expect(await db.teamRoleRemoval.count({ where: { dialogueId: dialogue.id } })).toBe(1);
  });

  it.each(["COLLECTING", "DELIBERATING", "RESPONDING"] as const)(
    "refuses to remove the last co-host with lived experience of a dialogue in %s, with the rule named; nothing logged",
    async (phase) => {
      const { dialogue, coHost } = await openWithOneCoHost();
      const staff = await staffOf(dialogue.municipalityId);
      // Another co-host without lived experience does not count.
      await member(dialogue.id, "CO_HOST");
      await db.dialogue.update({ where: { id: dialogue.id }, data: { phase } });
      const error = await appErrorOf(removeFromTeam(staff, { dialogueId: dialogue.id, membershipId: coHost.membership.id, role: "CO_HOST" }));
      expect(error.code).toBe("CONFLICT");
      expect(error.details.rule).toBe(LAST_LIVED_EXPERIENCE_COHOST);
      expect(await roleOf(coHost.membership.id)).toBe("CO_HOST");
      expect(await db.teamRoleRemoval.count({ where: { dialogueId: dialogue.id } })).toBe(0);
    },
  );

  it("keeps the last co-host with lived experience of an open dialogue in the database too", async () => {
    const { dialogue, coHost } = await openWithOneCoHost();
    await member(dialogue.id, "CO_HOST");
    // The database holds the rule for a role change and for a deleted membership too.
    await expect(db.membership.update({ where: { id: coHost.membership.id }, data: { role: "PARTICIPANT" } })).rejects.toThrow(/dialogue_keeps_lived_experience_cohost/);
    await expect(db.membership.delete({ where: { id: coHost.membership.id } })).rejects.toThrow(/dialogue_keeps_lived_experience_cohost/);
  });

  it("removes a lived-experience co-host while another stays, from a draft, and from a closed dialogue", async () => {
    const { dialogue, coHost } = await openWithOneCoHost();
    const staff = await staffOf(dialogue.municipalityId);
    const second = await member(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE");
    await removeFromTeam(staff, { dialogueId: dialogue.id, membershipId: coHost.membership.id, role: "CO_HOST" });
    expect(await roleOf(coHost.membership.id)).toBe("PARTICIPANT");

    const draft = await createDialogue();
    const draftCoHost = await member(draft.id, "CO_HOST", "LIVED_EXPERIENCE");
    await removeFromTeam(await staffOf(draft.municipalityId), { dialogueId: draft.id, membershipId: draftCoHost.membership.id, role: "CO_HOST" });
    expect(await roleOf(draftCoHost.membership.id)).toBe("PARTICIPANT");

    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });
    await removeFromTeam(staff, { dialogueId: dialogue.id, membershipId: second.membership.id, role: "CO_HOST" });
    expect(await roleOf(second.membership.id)).toBe("PARTICIPANT");
  });

  it("of two lived-experience co-hosts removed at the same moment, exactly one is removed (20 rounds)", async () => {
    for (let round = 0; round < 20; round++) {
      const { dialogue, coHost } = await openWithOneCoHost();
      const second = await member(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE");
      const staff = await staffOf(dialogue.municipalityId);
      const host = await viewerOf(dialogue.createdById);
      const results = await Promise.allSettled([
        removeFromTeam(staff, { dialogueId: dialogue.id, membershipId: coHost.membership.id, role: "CO_HOST" }),
        removeFromTeam(host, { dialogueId: dialogue.id, membershipId: second.membership.id, role: "CO_HOST" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
      expect(refused.map((reason) => (isAppError(reason, "CONFLICT") ? reason.details.rule : reason))).toEqual([LAST_LIVED_EXPERIENCE_COHOST]);
      expect(await db.membership.count({ where: { dialogueId: dialogue.id, role: "CO_HOST" } })).toBe(1);
      expect(await db.teamRoleRemoval.count({ where: { dialogueId: dialogue.id } })).toBe(1);
    }
  });

  it("the database refuses the second of two overlapping removals after the first commits (the second waits on the dialogue)", async () => {
    const { dialogue, coHost } = await openWithOneCoHost();
    const second = await member(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE");
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstUpdated!: () => void;
    const firstHasUpdated = new Promise<void>((resolve) => (firstUpdated = resolve));
    const first = db.$transaction(async (tx) => {
      await tx.membership.update({ where: { id: coHost.membership.id }, data: { role: "PARTICIPANT" } });
      firstUpdated();
      await firstMayCommit;
    });
    await firstHasUpdated;
    // Started now (a Prisma query runs only once something waits for it), settled later.
    const secondRemoval = db.membership
      .update({ where: { id: second.membership.id }, data: { role: "PARTICIPANT" } })
      .then(() => "removed", (error: unknown) => String(error));
    // The second removal's trigger waits for the dialogue's row, which the first holds.
    await waitUntilSomeoneWaitsForALock();
    releaseFirst();
    await first;
    expect(await secondRemoval).toMatch(/dialogue_keeps_lived_experience_cohost/);
    expect(await roleOf(second.membership.id)).toBe("CO_HOST");
  });

  it("the team list says how each member came and since when, without anyone's perspective", async () => {
    const dialogue = await createDialogue();
    const staff = await staffOf(dialogue.municipalityId);
    const invitation = await createInvitation(staff, { dialogueId: dialogue.id, role: "CO_HOST" });
    await signUpWithInvitation({ code: invitation.code, displayName: "Amal", locale: "ar", perspective: "LIVED_EXPERIENCE", acceptCodeOfConduct: true, confirmRole: true }, context());
    await member(dialogue.id, "MODERATOR");
    await member(dialogue.id, "PARTICIPANT");
    const team = await listTeam(staff, { dialogueId: dialogue.id });
    expect(team.members.map((m) => [m.role, m.joinedVia])).toEqual([
      ["HOST", "CREATED"],
      ["CO_HOST", "INVITATION"],
      ["MODERATOR", "STAFF"],
    ]);
    expect(JSON.stringify(team)).not.toContain("LIVED_EXPERIENCE");
    expect(team.members[1]!.since).toBeInstanceOf(Date);
    expect((await appErrorOf(listTeam(await viewerOf((await member(dialogue.id, "MODERATOR")).user.id), { dialogueId: dialogue.id }))).code).toBe("FORBIDDEN");
  });

  it("a member's role-since moves when the role changes", async () => {
    const dialogue = await createDialogue();
    const { membership } = await member(dialogue.id, "PARTICIPANT");
    await db.membership.update({ where: { id: membership.id }, data: { roleSince: new Date("2020-01-01T00:00:00Z") } });
    await db.membership.update({ where: { id: membership.id }, data: { role: "RECORDER" } });
    const row = await db.membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect(row.roleSince.getTime()).toBeGreaterThan(new Date("2025-01-01T00:00:00Z").getTime());
  });
});
