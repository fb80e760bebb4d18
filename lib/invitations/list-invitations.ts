import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { invitationStatus } from "./find-invitation";
import { parseInput } from "@/lib/validation";

export const listInvitationsInput = z.object({ dialogueId: z.uuid() });

/**
 * A dialogue's invitations, newest first, each with its status, for the host team. Team-role
 * invitations (and their codes) only for those who may make them: a co-host who read the host's
 * personal co-host code could hand it on (decision 035).
 */
export async function listInvitations(viewer: Viewer | null, input: z.input<typeof listInvitationsInput>) {
  const { dialogueId } = parseInput(listInvitationsInput, input);
  const resource = await dialogueResource(dialogueId);
  authorize(viewer, "invitation:manage", resource);
  const team = can(viewer, "invitation:manage:team", resource);
  const invitations = await db.invitation.findMany({
    where: team ? { dialogueId } : { dialogueId, role: "PARTICIPANT" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, code: true, role: true, uses: true, maxUses: true, expiresAt: true, revokedAt: true, createdAt: true },
  });
  return invitations.map((invitation) => ({ ...invitation, status: invitationStatus(invitation) }));
}

export type ListedInvitation = Awaited<ReturnType<typeof listInvitations>>[number];
