import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Resource } from "@/lib/policy/policy";

/** An actor as the policy sees it: its municipality, and its members for `actor:update:own`. */
export async function actorResource(actorId: string): Promise<Resource & { actorId: string }> {
  const actor = await db.actor.findUnique({
    where: { id: actorId },
    select: { id: true, municipalityId: true, members: { select: { userId: true } } },
  });
  if (!actor) throw new AppError("NOT_FOUND", "actor not found");
  return { actorId: actor.id, municipalityId: actor.municipalityId, memberIds: actor.members.map((member) => member.userId) };
}
