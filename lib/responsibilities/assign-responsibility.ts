import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";

export const assignResponsibilityInput = z.object({
  dialogueId: z.uuid(),
  themeId: z.uuid({ error: "validation.required" }),
  actorId: z.uuid({ error: "validation.required" }),
  note: z.string().trim().max(500).optional(),
  /** Whether the actor has agreed to it; only agreed responsibilities are shown as such. */
  agreed: z.boolean().default(false),
});

const invalid = (field: string) => new AppError("INVALID_INPUT", `invalid ${field}`, { fieldErrors: { [field]: [{ key: "validation.invalid" }] } });

/**
 * The host names an actor as responsible for one of the dialogue's themes (W2 "Organigramm").
 * The theme must be one of the dialogue's and the actor one of its municipality's (the
 * database keeps both too). Naming it again updates the note and whether it is agreed.
 */
export async function assignResponsibility(viewer: Viewer | null, input: z.input<typeof assignResponsibilityInput>) {
  const data = parseInput(assignResponsibilityInput, input);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "responsibility:manage", resource);
  const [theme, actor] = await Promise.all([
    db.dialogueTheme.findUnique({ where: { dialogueId_themeId: { dialogueId: data.dialogueId, themeId: data.themeId } }, select: { themeId: true } }),
    db.actor.findFirst({ where: { id: data.actorId, municipalityId: resource.municipalityId }, select: { id: true } }),
  ]);
  if (!theme) throw invalid("themeId");
  if (!actor) throw invalid("actorId");
  const where = { dialogueId_themeId_actorId: { dialogueId: data.dialogueId, themeId: data.themeId, actorId: data.actorId } };
  const existing = await db.responsibility.findUnique({ where, select: { agreedAt: true } });
  // An agreement already given keeps its date.
  const agreedAt = data.agreed ? (existing?.agreedAt ?? new Date()) : null;
  return db.responsibility.upsert({
    where,
    create: { dialogueId: data.dialogueId, themeId: data.themeId, actorId: data.actorId, note: data.note || null, agreedAt },
    update: { note: data.note || null, agreedAt },
    select: { id: true, agreedAt: true },
  });
}
