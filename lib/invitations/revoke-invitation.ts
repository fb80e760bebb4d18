import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";
import { isTeamRole } from "./invitation-roles";

export const revokeInvitationInput = z.object({ invitationId: z.uuid() });

export async function revokeInvitation(viewer: Viewer | null, input: z.input<typeof revokeInvitationInput>) {
  const { invitationId } = parseInput(revokeInvitationInput, input);
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { dialogueId: true, role: true } });
  if (!invitation) throw new AppError("NOT_FOUND", "invitation not found");
  // A team-role invitation is revoked by those who may make one (decision 035).
  authorize(viewer, isTeamRole(invitation.role) ? "invitation:manage:team" : "invitation:manage", await dialogueResource(invitation.dialogueId));
  await db.invitation.updateMany({ where: { id: invitationId, revokedAt: null }, data: { revokedAt: new Date() } });
}
