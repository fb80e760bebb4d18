import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { DialogueRole, MunicipalityRole } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/policy/policy";
import { currentSessionToken } from "./sessions";

export type SignedInUser = Viewer & {
  displayName: string;
  locale: string;
  /** Their unread notifications when the session was read (the header's counter rides in its statement). */
  unreadNotifications?: number;
};

/** The signed-in person of this request with their roles (one statement), or null. */
export const getViewer = cache(async (): Promise<SignedInUser | null> => {
  const token = await currentSessionToken();
  return token ? viewerForSessionToken(token) : null;
});

type ViewerRow = {
  expires: Date;
  id: string;
  displayName: string;
  locale: string;
  isPlatformAdmin: boolean;
  suspended: boolean;
  deleted: boolean;
  municipalityMemberships: { municipalityId: string; role: MunicipalityRole }[];
  memberships: { dialogueId: string; role: DialogueRole }[];
  unreadNotifications: number;
};

/**
 * The person a session token belongs to, with their roles and the count of their unread
 * notifications (the header shows it on every page); null when the session has ended or the
 * account is deleted. One statement (Prisma's nested select was four: session, user, and one per
 * kind of membership; the header's count was a fifth), since every signed-in request starts with
 * it (issue 16: ≤ 7 statements for a member's dialogue page).
 */
export async function viewerForSessionToken(token: string): Promise<SignedInUser | null> {
  const [row] = await db.$queryRaw<ViewerRow[]>`
    SELECT s."expires", u."id", u."displayName", u."locale", u."isPlatformAdmin",
      u."suspendedAt" IS NOT NULL AS "suspended", u."deletedAt" IS NOT NULL AS "deleted",
      (SELECT coalesce(json_agg(json_build_object('municipalityId', m."municipalityId", 'role', m."role")), '[]'::json)
        FROM "MunicipalityMembership" m WHERE m."userId" = u."id") AS "municipalityMemberships",
      (SELECT coalesce(json_agg(json_build_object('dialogueId', m."dialogueId", 'role', m."role")), '[]'::json)
        FROM "Membership" m WHERE m."userId" = u."id") AS "memberships",
      (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u."id" AND n."readAt" IS NULL) AS "unreadNotifications"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${token}`;
  if (!row || row.expires < new Date() || row.deleted) return null;
  const municipalityRoles: Record<string, MunicipalityRole[]> = Object.create(null);
  for (const m of row.municipalityMemberships) (municipalityRoles[m.municipalityId] ??= []).push(m.role);
  const dialogueRoles: Record<string, DialogueRole> = Object.create(null);
  for (const m of row.memberships) dialogueRoles[m.dialogueId] = m.role;
  return {
    id: row.id,
    displayName: row.displayName,
    locale: row.locale,
    isPlatformAdmin: row.isPlatformAdmin,
    suspended: row.suspended,
    municipalityRoles,
    dialogueRoles,
    unreadNotifications: row.unreadNotifications,
  };
}
