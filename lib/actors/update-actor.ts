import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { actorData, actorFields, nameTaken } from "./actor-fields";
import { actorResource } from "./actor-resource";

export const updateActorInput = actorFields.extend({ actorId: z.uuid() });

/** Staff, or the actor's own members, keep its entry up to date. */
export async function updateActor(viewer: Viewer | null, input: z.input<typeof updateActorInput>) {
  const { actorId, ...fields } = parseInput(updateActorInput, input);
  authorize(viewer, "actor:update:own", await actorResource(actorId));
  try {
    return await db.actor.update({ where: { id: actorId }, data: actorData(fields), select: { id: true, municipalityId: true } });
  } catch (error) {
    throw nameTaken(error) ?? error;
  }
}
