import "server-only";
import { db } from "@/lib/db/client";
import { normalizeInvitationCode } from "./invitation-code";

export type InvitationStatus = "valid" | "expired" | "revoked" | "used_up";

/** The invitation behind a typed or linked code, with its dialogue; null when there is none. */
export async function findInvitation(typedCode: string) {
  const code = normalizeInvitationCode(typedCode);
  if (!code) return null;
  const invitation = await db.invitation.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      role: true,
      expiresAt: true,
      maxUses: true,
      uses: true,
      revokedAt: true,
      dialogue: {
        select: {
          id: true,
          slug: true,
          title: true,
          summary: true,
          phase: true,
          languages: true,
          codeOfConduct: true,
          municipality: { select: { slug: true, name: true } },
        },
      },
    },
  });
  if (!invitation) return null;
  return { ...invitation, status: invitationStatus(invitation) };
}

export function invitationStatus(invitation: {
  revokedAt: Date | null;
  expiresAt: Date;
  uses: number;
  maxUses: number;
}): InvitationStatus {
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= new Date()) return "expired";
  if (invitation.uses >= invitation.maxUses) return "used_up";
  return "valid";
}
