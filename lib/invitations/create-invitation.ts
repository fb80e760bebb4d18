import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { generateInvitationCode } from "./invitation-code";
import { INVITATION_DEFAULTS, INVITATION_ROLES, isTeamRole, TEAM_INVITATION_MAX_USES } from "./invitation-roles";
import { parseInput } from "@/lib/validation";

/** A number field left empty (left out by parseForm) takes the role's default. */
const optionalCount = (max: number) => z.coerce.number().int().min(1).max(max).optional();

export const createInvitationInput = z
  .object({
    dialogueId: z.uuid(),
    role: z.enum(INVITATION_ROLES),
    expiresInDays: optionalCount(180),
    maxUses: optionalCount(5000),
  })
  .superRefine((data, ctx) => {
    // A team role is personal: a few uses at most, raised on purpose (decision 035).
    if (isTeamRole(data.role) && data.maxUses !== undefined && data.maxUses > TEAM_INVITATION_MAX_USES) {
      ctx.addIssue({ code: "too_big", origin: "number", maximum: TEAM_INVITATION_MAX_USES, inclusive: true, path: ["maxUses"], input: data.maxUses });
    }
  });

/**
 * A new invitation. A participant invitation defaults to 50 uses for 30 days (a poster); one for
 * the team (recorder, co-host) to a single use for 14 days, at most 5 uses. Team-role invitations
 * are made by staff and hosts only: a co-host invites participants, not more co-hosts.
 */
export async function createInvitation(viewer: Viewer | null, input: z.input<typeof createInvitationInput>) {
  const data = parseInput(createInvitationInput, input);
  const team = isTeamRole(data.role);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, team ? "invitation:manage:team" : "invitation:manage", resource);
  const defaults = team ? INVITATION_DEFAULTS.team : INVITATION_DEFAULTS.participant;
  const expiresAt = new Date(Date.now() + (data.expiresInDays ?? defaults.expiresInDays) * 24 * 60 * 60 * 1000);
  // A collision in 31^8 codes is rare; try again with a fresh code when it happens.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.invitation.create({
        data: {
          dialogueId: data.dialogueId,
          role: data.role,
          expiresAt,
          maxUses: data.maxUses ?? defaults.maxUses,
          code: generateInvitationCode(),
          createdById: viewer.id,
        },
        select: { id: true, code: true, role: true, expiresAt: true, maxUses: true },
      });
    } catch (error) {
      const collision = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!collision || attempt >= 4) throw error;
    }
  }
}
