import "server-only";
import { db } from "@/lib/db/client";
import { slugSchema } from "@/lib/dialogues/slug";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";
import { listActorChoices } from "@/lib/actors/list-actor-choices";
import { listResponsibilities } from "./list-responsibilities";

/**
 * What the responsibility form needs: the dialogue, its themes with who is responsible, and the
 * municipality's actors. For those who may manage responsibilities only (null for everyone
 * else, and for a closed dialogue, whose map stays as it was).
 */
export async function getResponsibilityManagement(viewer: Viewer | null, input: { municipalitySlug: string; dialogueSlug: string }) {
  const municipalitySlug = slugSchema.safeParse(input.municipalitySlug);
  const dialogueSlug = slugSchema.safeParse(input.dialogueSlug);
  if (!municipalitySlug.success || !dialogueSlug.success) return null;
  const dialogue = await db.dialogue.findFirst({
    where: { slug: dialogueSlug.data, municipality: { slug: municipalitySlug.data } },
    select: { id: true, slug: true, title: true, languages: true, phase: true, municipalityId: true, municipality: { select: { slug: true, name: true } } },
  });
  if (!dialogue) return null;
  const resource: Resource = { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase };
  if (!can(viewer, "responsibility:manage", resource)) return null;
  const [map, actors] = await Promise.all([listResponsibilities(dialogue.id), listActorChoices(dialogue.municipalityId)]);
  return { dialogue, map, actors };
}
