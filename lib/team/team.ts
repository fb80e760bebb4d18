import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";
import { refusedRule } from "@/lib/dialogues/advance-phase";
import { isTeamRole, TEAM_ROLES, type TeamRole } from "@/lib/invitations/invitation-roles";

/** The rule the trigger `dialogue_keeps_lived_experience_cohost` keeps, by the name it raises. */
export const LAST_LIVED_EXPERIENCE_COHOST = "dialogue_keeps_lived_experience_cohost";

/** The phases in which a dialogue is open: it keeps a co-host with lived experience of flight. */
export const OPEN_PHASES: readonly DialoguePhase[] = ["COLLECTING", "DELIBERATING", "RESPONDING"];

/** How a member came into the team: through an invitation, by creating the dialogue, or set up by staff. */
export type JoinedVia = "INVITATION" | "CREATED" | "STAFF";

export const listTeamInput = z.object({ dialogueId: z.uuid() });

/**
 * The dialogue's team — everyone in a team role (host, co-host, moderator, recorder) with since
 * when and how they came — and the log of removals, newest first. For the host team and staff.
 * Nobody's perspective is shown here (decision 024).
 */
export async function listTeam(viewer: Viewer | null, input: z.input<typeof listTeamInput>) {
  const { dialogueId } = parseInput(listTeamInput, input);
  authorize(viewer, "team:read", await dialogueResource(dialogueId));
  const [dialogue, members, removals] = await Promise.all([
    db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { createdById: true } }),
    db.membership.findMany({
      where: { dialogueId, role: { in: [...TEAM_ROLES] } },
      orderBy: [{ roleSince: "asc" }, { id: "asc" }],
      select: { id: true, role: true, roleSince: true, invitationId: true, userId: true, user: { select: { displayName: true, deletedAt: true } } },
    }),
    db.teamRoleRemoval.findMany({
      where: { dialogueId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
      select: { id: true, role: true, createdAt: true, user: { select: { displayName: true } }, removedBy: { select: { displayName: true } } },
    }),
  ]);
  return {
    members: members.map((member) => ({
      membershipId: member.id,
      userId: member.userId,
      role: member.role as TeamRole,
      since: member.roleSince,
      displayName: member.user.displayName,
      deleted: member.user.deletedAt !== null,
      joinedVia: (member.invitationId ? "INVITATION" : member.role === "HOST" && member.userId === dialogue.createdById ? "CREATED" : "STAFF") as JoinedVia,
    })),
    removals: removals.map((removal) => ({
      id: removal.id,
      role: removal.role as TeamRole,
      at: removal.createdAt,
      displayName: removal.user.displayName,
      removedBy: removal.removedBy.displayName,
    })),
  };
}

export type TeamMember = Awaited<ReturnType<typeof listTeam>>["members"][number];

export const removeFromTeamInput = z.object({
  dialogueId: z.uuid(),
  membershipId: z.uuid(),
  /** The role the remover saw: a second click (or a stale page) does not remove a newer role. */
  role: z.enum(TEAM_ROLES),
});

export function lastCoHostRefusal(): AppError {
  return new AppError("CONFLICT", "the dialogue would have no co-host with lived experience of flight", { rule: LAST_LIVED_EXPERIENCE_COHOST });
}

/**
 * Takes a member out of their team role: they stay in the dialogue as a participant, and the
 * removal is logged (who, whom, which role, when). Staff and the host remove co-hosts,
 * moderators and recorders; only staff remove a host. The last co-host with lived experience
 * of flight of an open dialogue cannot be removed (like opening without one, advance-phase.ts);
 * the database refuses it too, also when two removals run at once.
 */
export async function removeFromTeam(viewer: Viewer | null, input: z.input<typeof removeFromTeamInput>) {
  const data = parseInput(removeFromTeamInput, input);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, data.role === "HOST" ? "team:remove:host" : "team:remove", resource);
  const membership = await db.membership.findFirst({
    where: { id: data.membershipId, dialogueId: data.dialogueId },
    select: { id: true, role: true, userId: true, user: { select: { perspective: true, deletedAt: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "membership not found");
  if (membership.role !== data.role || !isTeamRole(membership.role)) throw new AppError("CONFLICT", "the role changed meanwhile", { rule: "changed" });

  // The friendly check first; the trigger decides races.
  if (
    membership.role === "CO_HOST" &&
    OPEN_PHASES.includes(resource.phase!) &&
    membership.user.perspective === "LIVED_EXPERIENCE" &&
    membership.user.deletedAt === null
  ) {
    const others = await db.membership.count({
      where: { dialogueId: data.dialogueId, role: "CO_HOST", id: { not: membership.id }, user: { perspective: "LIVED_EXPERIENCE", deletedAt: null } },
    });
    if (others === 0) throw lastCoHostRefusal();
  }

  try {
    return await db.$transaction(async (tx) => {
      const changed = await tx.membership.updateMany({ where: { id: membership.id, role: data.role }, data: { role: "PARTICIPANT" } });
      if (changed.count === 0) throw new AppError("CONFLICT", "the role changed meanwhile", { rule: "changed" });
      return tx.teamRoleRemoval.create({
        data: { dialogueId: data.dialogueId, userId: membership.userId, role: data.role, removedById: viewer.id },
        select: { id: true, role: true, createdAt: true },
      });
    });
  } catch (error) {
    if (refusedRule(error) === LAST_LIVED_EXPERIENCE_COHOST) throw lastCoHostRefusal();
    throw error;
  }
}
