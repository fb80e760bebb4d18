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
  const [municipal, team, actors] = await Promise.all([
    db.municipalityMembership.findMany({
      where: { municipalityId: dialogue.municipalityId, userId: { in: ids } },
      select: { userId: true, role: true },
    }),
    db.membership.findMany({
      where: { dialogueId: dialogue.id, userId: { in: ids }, role: { in: ["HOST", "CO_HOST", "MODERATOR"] } },
      select: { userId: true, role: true },
    }),
    db.actorMember.findMany({
      where: { userId: { in: ids }, actor: { municipalityId: dialogue.municipalityId } },
      select: { userId: true, actor: { select: { name: true } } },
      orderBy: { actor: { name: "asc" } },
    }),
  ]);
  const roles: Record<string, VerifiedRole[]> = {};
  const add = (userId: string, role: VerifiedRole) => {
    const list = (roles[userId] ??= []);
    if (!list.some((known) => known.role === role.role && (role.role !== "ACTOR_MEMBER" || ("actor" in known && known.actor === role.actor)))) {
      list.push(role);
    }
  };
  for (const row of municipal) add(row.userId, { role: row.role });
  for (const row of team) add(row.userId, { role: row.role === "MODERATOR" ? "MODERATOR" : "HOST_TEAM" });
  for (const row of actors) add(row.userId, { role: "ACTOR_MEMBER", actor: row.actor.name });
  const order = ["STAFF", "HOST_TEAM", "MODERATOR", "ACTOR_MEMBER"];
  for (const list of Object.values(roles)) list.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return roles;
}
