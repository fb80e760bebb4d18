import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";
import { slugSchema } from "./slug";

const inputSchema = z.object({ municipalitySlug: slugSchema, dialogueSlug: slugSchema });

/**
 * The dialogue at /<municipality>/<dialogue> as `viewer` may read it: any phase, so the host
 * team reaches its DRAFT (where the co-host invitation is needed before it can open). Null
 * when there is none or the viewer may not read it. Pages that manage a dialogue start here
 * and ask the policy with `resource`.
 */
export async function findDialogue(viewer: Viewer | null, input: { municipalitySlug: string; dialogueSlug: string }) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return null;
  const { municipalitySlug, dialogueSlug } = parsed.data;
  const dialogue = await db.dialogue.findFirst({
    where: { slug: dialogueSlug, municipality: { slug: municipalitySlug } },
    select: {
      id: true,
      slug: true,
      title: true,
      phase: true,
      languages: true,
      municipality: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!dialogue) return null;
  const resource: Resource = { municipalityId: dialogue.municipality.id, dialogueId: dialogue.id, phase: dialogue.phase };
  if (!can(viewer, "dialogue:read", resource)) return null;
  return { ...dialogue, resource };
}
