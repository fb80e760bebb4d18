import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";
import type { SupportBreakdown } from "@/lib/perspectives/perspectives";
import { supportCountsOf } from "@/lib/supports/support-counts";
import { parseInput } from "@/lib/validation";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";

const DAY = 24 * 60 * 60 * 1000;

export const listAnswerQueueInput = z.union([z.object({ dialogueId: z.uuid() }), z.object({ municipalityId: z.uuid() })]);

export type QueuedNeed = {
  id: string;
  title: string;
  language: string;
  createdAt: Date;
  /** Whole days since it was posted. */
  ageDays: number;
  themeId: string;
  /** `language`: the dialogue's first language, the one its title is written in. */
  dialogue: { id: string; slug: string; title: string; language: string };
  supports: SupportBreakdown;
};

/**
 * The needs nobody has answered yet, oldest first, with their age and support per perspective:
 * the staff's to-do list (accountability: a need is never closed silently). For one dialogue,
 * or for every dialogue of a municipality the viewer may answer in. Only what the viewer may
 * answer is listed; null when that is nothing at all (the page answers 404).
 */
export async function listAnswerQueue(viewer: Viewer | null, input: z.input<typeof listAnswerQueueInput>, now = new Date()): Promise<QueuedNeed[] | null> {
  const data = parseInput(listAnswerQueueInput, input);
  const dialogues = await db.dialogue.findMany({
    where: { ...publishedDialogue.where, ...("dialogueId" in data ? { id: data.dialogueId } : { municipalityId: data.municipalityId }) },
    select: { id: true, slug: true, title: true, languages: true, municipalityId: true, phase: true },
  });
  const answerable = dialogues.filter((dialogue) => {
    const resource: Resource = { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase };
    return can(viewer, "contribution:respond", resource);
  });
  if (answerable.length === 0) return null;

  const needs = await db.contribution.findMany({
    where: { dialogueId: { in: answerable.map((d) => d.id) }, kind: "NEED", ...visibleContribution.where, responses: { none: {} } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, language: true, createdAt: true, themeId: true, dialogueId: true },
  });
  const supports = await supportCountsOf(needs.map((need) => need.id));
  const byId = new Map(answerable.map((dialogue) => [dialogue.id, { id: dialogue.id, slug: dialogue.slug, title: dialogue.title, language: dialogue.languages[0] ?? "de" }]));
  return needs.map(({ dialogueId, ...need }) => ({
    ...need,
    ageDays: Math.max(0, Math.floor((now.getTime() - need.createdAt.getTime()) / DAY)),
    dialogue: byId.get(dialogueId)!,
    supports: supports.get(need.id)!,
  }));
}
