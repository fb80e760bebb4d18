import "server-only";
import { db } from "@/lib/db/client";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";
import { dialogueHeadlineSelect, liveThemesSelect } from "./dialogue-select";
import { listUnansweredNeeds } from "./list-unanswered-needs";
import type { DialoguePermissions } from "./load-dialogue";
import { slugSchema } from "./slug";

/**
 * Everything the manage page shows, for the host team only (null for everyone else, and for a
 * closed dialogue, which nobody edits any more): the fields, the municipality's themes, the
 * phase history and, from RESPONDING on, the needs still waiting for an answer.
 */
export async function getManagedDialogue(viewer: Viewer | null, input: { municipalitySlug: string; dialogueSlug: string }) {
  const municipalitySlug = slugSchema.safeParse(input.municipalitySlug);
  const dialogueSlug = slugSchema.safeParse(input.dialogueSlug);
  if (!municipalitySlug.success || !dialogueSlug.success) return null;
  const dialogue = await db.dialogue.findFirst({
    where: { slug: dialogueSlug.data, municipality: { slug: municipalitySlug.data } },
    select: {
      ...dialogueHeadlineSelect,
      description: true,
      codeOfConduct: true,
      teamContact: true,
      collectingFrom: true,
      deliberatingFrom: true,
      respondingFrom: true,
      closesAt: true,
      themes: { select: { themeId: true } },
      municipality: {
        select: {
          id: true,
          slug: true,
          name: true,
          themes: liveThemesSelect,
        },
      },
      phaseChanges: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fromPhase: true, toPhase: true, createdAt: true, changedBy: { select: { displayName: true } } },
      },
    },
  });
  if (!dialogue) return null;
  const resource: Resource = { municipalityId: dialogue.municipality.id, dialogueId: dialogue.id, phase: dialogue.phase };
  const mayUpdate = can(viewer, "dialogue:update", resource);
  const mayAdvance = can(viewer, "dialogue:open", resource);
  if (!mayUpdate && !mayAdvance) return null;
  const unansweredNeeds = dialogue.phase === "RESPONDING" ? await listUnansweredNeeds(dialogue.id) : [];
  const { themes, municipality, ...rest } = dialogue;
  const { themes: municipalityThemes, ...municipalityRest } = municipality;
  return {
    ...rest,
    municipality: municipalityRest,
    themeIds: themes.map((theme) => theme.themeId),
    municipalityThemes,
    unansweredNeeds,
    resource,
    mayUpdate,
    mayAdvance,
    /** What else the manage page offers this viewer (the flags loadDialogue's `may` holds, decision 038). */
    may: {
      invite: can(viewer, "invitation:manage", resource),
      inviteTeam: can(viewer, "invitation:manage:team", resource),
      readTeam: can(viewer, "team:read", resource),
      removeTeamMember: can(viewer, "team:remove", resource),
      removeHost: can(viewer, "team:remove:host", resource),
      respond: can(viewer, "contribution:respond", resource),
      assignResponsibilities: can(viewer, "responsibility:manage", resource),
      polls: can(viewer, "poll:manage", resource) || can(viewer, "poll:count", resource),
    } satisfies Partial<DialoguePermissions>,
  };
}
