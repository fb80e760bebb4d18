import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { actorData, actorFields, nameTaken } from "./actor-fields";

export const createActorInput = actorFields.extend({ municipalityId: z.uuid() });

/** Staff add an actor of their municipality to the organigram. */
export async function createActor(viewer: Viewer | null, input: z.input<typeof createActorInput>) {
  const { municipalityId, ...fields } = parseInput(createActorInput, input);
  authorize(viewer, "actor:manage", { municipalityId });
  try {
    return await db.actor.create({ data: { municipalityId, ...actorData(fields) }, select: { id: true, municipalityId: true } });
  } catch (error) {
    throw nameTaken(error) ?? error;
  }
}
