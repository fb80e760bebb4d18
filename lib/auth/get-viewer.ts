import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { DialogueRole, MunicipalityRole } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/policy/policy";
import { currentSessionToken } from "./sessions";

export type SignedInUser = Viewer & { displayName: string; locale: string };

/** The signed-in person of this request with their roles (one query), or null. */
export const getViewer = cache(async (): Promise<SignedInUser | null> => {
  const token = await currentSessionToken();
  return token ? viewerForSessionToken(token) : null;
});

/** The person a session token belongs to, with their roles; null when the session has ended or the account is deleted. */
export async function viewerForSessionToken(token: string): Promise<SignedInUser | null> {
  const session = await db.session.findUnique({
    where: { sessionToken: token },
    select: {
      expires: true,
      user: {
        select: {
          id: true,
          displayName: true,
          locale: true,
          isPlatformAdmin: true,
          suspendedAt: true,
          deletedAt: true,
          municipalityMemberships: { select: { municipalityId: true, role: true } },
          memberships: { select: { dialogueId: true, role: true } },
        },
      },
    },
  });
  if (!session || session.expires < new Date() || session.user.deletedAt) return null;
  const { user } = session;
  const municipalityRoles: Record<string, MunicipalityRole[]> = Object.create(null);
  for (const m of user.municipalityMemberships) (municipalityRoles[m.municipalityId] ??= []).push(m.role);
  const dialogueRoles: Record<string, DialogueRole> = Object.create(null);
  for (const m of user.memberships) dialogueRoles[m.dialogueId] = m.role;
  return {
    id: user.id,
    displayName: user.displayName,
    locale: user.locale,
    isPlatformAdmin: user.isPlatformAdmin,
    suspended: user.suspendedAt !== null,
    municipalityRoles,
    dialogueRoles,
  };
}
