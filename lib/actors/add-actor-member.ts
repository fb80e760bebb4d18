import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { actorResource } from "./actor-resource";

export const actorMemberInput = z.object({ actorId: z.uuid(), userId: z.uuid({ error: "validation.required" }) });

/**
 * People who may become an actor's members: the municipality's staff and moderators and
 * everyone who joined one of its dialogues (deleted accounts aside).
 */
export function memberCandidatesWhere(municipalityId: string) {
  return {
    deletedAt: null,
    OR: [{ municipalityMemberships: { some: { municipalityId } } }, { memberships: { some: { dialogue: { municipalityId } } } }],
  };
}

/** Staff add a person of the municipality to an actor; they may then edit its entry. */
export async function addActorMember(viewer: Viewer | null, input: z.input<typeof actorMemberInput>) {
  const data = parseInput(actorMemberInput, input);
  const resource = await actorResource(data.actorId);
  authorize(viewer, "actor:manage", resource);
  const candidate = await db.user.findFirst({ where: { id: data.userId, ...memberCandidatesWhere(resource.municipalityId) }, select: { id: true } });
  if (!candidate) throw new AppError("INVALID_INPUT", "not a person of this municipality", { fieldErrors: { userId: [{ key: "validation.invalid" }] } });
  // Adding someone who is a member already changes nothing.
  await db.actorMember.upsert({
    where: { actorId_userId: { actorId: data.actorId, userId: data.userId } },
    create: { actorId: data.actorId, userId: data.userId },
    update: {},
  });
}
