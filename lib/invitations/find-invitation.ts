import "server-only";
import { db } from "@/lib/db/client";
import { dialogueHeadlineSelect } from "@/lib/dialogues/dialogue-select";
import { isAppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
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
          ...dialogueHeadlineSelect,
          codeOfConduct: true,
          municipality: { select: { id: true, slug: true, name: true } },
        },
      },
    },
  });
  if (!invitation) return null;
  return { ...invitation, status: invitationStatus(invitation) };
}

/**
 * findInvitation for a visitor: a code that leads nowhere counts against the visitor's address
 * (RATE_LIMITED once too many did), so codes cannot be guessed by trying them one by one.
 */
export async function lookUpInvitation(typedCode: string, context: { address: string }) {
  const invitation = await findInvitation(typedCode);
  if (!invitation) await consume("invitationMissPerAddress", context.address);
  return invitation;
}

/**
 * For pages showing a code that leads nowhere: counts the miss, and answers false, or how long
 * to wait when the address tried too many.
 */
export async function countInvitationMiss(address: string): Promise<false | { retryAfterMinutes: number }> {
  try {
    await consume("invitationMissPerAddress", address);
    return false;
  } catch (error) {
    if (isAppError(error, "RATE_LIMITED")) return { retryAfterMinutes: Number(error.details.retryAfterMinutes) };
    throw error;
  }
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
