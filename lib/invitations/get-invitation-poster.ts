import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { invitationStatus } from "./find-invitation";
import { isTeamRole } from "./invitation-roles";

const inputSchema = z.object({ invitationId: z.uuid() });

/**
 * What a poster for one invitation shows: its code and the dialogue's title and languages.
 * Null for an id that names no invitation, and for a team-role invitation (recorder, co-host):
 * that one is personal and never goes on a wall (decision 035). Refused unless the viewer
 * manages the dialogue.
 */
export async function getInvitationPoster(viewer: Viewer | null, input: { invitationId: string }) {
  const parsed = inputSchema.safeParse(input);
  // A string that cannot be an id names no invitation: the same answer as an unknown one.
  if (!parsed.success) return null;
  const invitation = await db.invitation.findUnique({
    where: { id: parsed.data.invitationId },
    select: {
      id: true,
      code: true,
      role: true,
      uses: true,
      maxUses: true,
      expiresAt: true,
      revokedAt: true,
      dialogue: {
        select: { id: true, slug: true, title: true, languages: true, municipality: { select: { slug: true, name: true } } },
      },
    },
  });
  if (!invitation) return null;
  authorize(viewer, "invitation:manage", await dialogueResource(invitation.dialogue.id));
  if (isTeamRole(invitation.role)) return null;
  return { ...invitation, status: invitationStatus(invitation) };
}
