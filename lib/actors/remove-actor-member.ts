import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { actorMemberInput } from "./add-actor-member";
import { actorResource } from "./actor-resource";

/** Staff take a person off an actor; they can no longer edit its entry. */
export async function removeActorMember(viewer: Viewer | null, input: z.input<typeof actorMemberInput>) {
  const data = parseInput(actorMemberInput, input);
  authorize(viewer, "actor:manage", await actorResource(data.actorId));
  await db.actorMember.deleteMany({ where: { actorId: data.actorId, userId: data.userId } });
}
