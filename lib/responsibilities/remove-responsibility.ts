import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";

export const removeResponsibilityInput = z.object({ responsibilityId: z.uuid() });

/** The host takes a responsibility off the map (answers that named the actor keep it). */
export async function removeResponsibility(viewer: Viewer | null, input: z.input<typeof removeResponsibilityInput>) {
  const data = parseInput(removeResponsibilityInput, input);
  const responsibility = await db.responsibility.findUnique({ where: { id: data.responsibilityId }, select: { id: true, dialogueId: true } });
  if (!responsibility) throw new AppError("NOT_FOUND", "responsibility not found");
  authorize(viewer, "responsibility:manage", await dialogueResource(responsibility.dialogueId));
  await db.responsibility.delete({ where: { id: responsibility.id } });
}
