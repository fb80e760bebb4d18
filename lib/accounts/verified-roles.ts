import "server-only";
import { db } from "@/lib/db/client";

/**
 * A role the platform vouches for, shown as a badge beside a name (components/identity/
 * verified-badge.tsx). It comes from role rows only — the municipality's STAFF and MODERATOR
 * roles, the dialogue's host team and moderators, an actor's members (added by staff) — never
 * from what a person says about themselves.
 */
export type VerifiedRole = { role: "STAFF" | "HOST_TEAM" | "MODERATOR" } | { role: "ACTOR_MEMBER"; actor: string };

/** The verified roles of `userIds` in a dialogue, per user id (users without any are left out). */
export async function listVerifiedRoles(
  dialogue: { id: string; municipalityId: string },
  userIds: readonly string[],
): Promise<Record<string, VerifiedRole[]>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return {};
  // One statement (it was three, one per kind of role row; issue 16): the municipality's roles,
  // the dialogue's host team and moderators, then the actors' members by the actor's name.
  const rows = await db.$queryRaw<{ userId: string; role: string; actor: string | null }[]>`
    SELECT "userId", "role"::text AS "role", NULL::text AS "actor", 0 AS "kind" FROM "MunicipalityMembership"
      WHERE "municipalityId" = ${dialogue.municipalityId}::uuid AND "userId" = ANY(${ids}::uuid[])
    UNION ALL
    SELECT "userId", "role"::text, NULL::text, 1 FROM "Membership"
      WHERE "dialogueId" = ${dialogue.id}::uuid AND "userId" = ANY(${ids}::uuid[]) AND "role" IN ('HOST', 'CO_HOST', 'MODERATOR')
    UNION ALL
    SELECT am."userId", 'ACTOR_MEMBER', a."name", 2 FROM "ActorMember" am JOIN "Actor" a ON a."id" = am."actorId"
      WHERE am."userId" = ANY(${ids}::uuid[]) AND a."municipalityId" = ${dialogue.municipalityId}::uuid
    ORDER BY "kind", "actor"`;
  const roles: Record<string, VerifiedRole[]> = {};
  const add = (userId: string, role: VerifiedRole) => {
    const list = (roles[userId] ??= []);
    if (!list.some((known) => known.role === role.role && (role.role !== "ACTOR_MEMBER" || ("actor" in known && known.actor === role.actor)))) {
      list.push(role);
    }
  };
  for (const row of rows) {
    if (row.role === "ACTOR_MEMBER") add(row.userId, { role: "ACTOR_MEMBER", actor: row.actor ?? "" });
    else if (row.role === "STAFF" || row.role === "MODERATOR") add(row.userId, { role: row.role });
    else add(row.userId, { role: "HOST_TEAM" });
  }
  const order = ["STAFF", "HOST_TEAM", "MODERATOR", "ACTOR_MEMBER"];
  for (const list of Object.values(roles)) list.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return roles;
}
