import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { slugSchema } from "@/lib/dialogues/slug";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { can, type Viewer } from "@/lib/policy/policy";
import { publishedDialogue } from "@/lib/policy/visibility";

/** At most this many rows on one page: a recorder's evening of paper notes fits many times over. */
export const RECORDED_LIST_MAX = 300;

type DialogueRef = { id: string; municipalityId: string; phase: DialoguePhase };

/**
 * Who may see which list of voices recorded offline in a dialogue (decision 032): "recorded by
 * me" is for whoever may reprint their own slips (a recorder, and the host team, who also record),
 * "all recorded" for the host team only — the same rule as printing a slip (`receipt:manage`).
 */
export function recordedListAccess(viewer: Viewer | null, dialogue: DialogueRef): { mine: boolean; all: boolean } {
  if (!viewer) return { mine: false, all: false };
  const resource = { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase };
  return { mine: can(viewer, "receipt:manage", { ...resource, ownerId: viewer.id }), all: can(viewer, "receipt:manage", resource) };
}

/**
 * The contributions entered on someone's behalf in a dialogue — by the viewer, or (`all`, host
 * team) by anyone — newest first, each with its status, whether its receipt has been attached to
 * an account or its code replaced, and whether the viewer may print its slip again. Never the
 * code itself (the slip page shows it to whoever may print it), never a perspective. Null when
 * the viewer may not see the list asked for.
 */
export async function listRecordedContributions(viewer: Viewer | null, dialogue: DialogueRef, options: { all?: boolean } = {}) {
  const access = recordedListAccess(viewer, dialogue);
  if (!viewer || !(options.all ? access.all : access.mine)) return null;
  const rows = await db.contribution.findMany({
    where: { dialogueId: dialogue.id, receipt: { isNot: null }, ...(options.all ? { recordedById: { not: null } } : { recordedById: viewer.id }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECORDED_LIST_MAX + 1,
    select: {
      id: true,
      title: true,
      language: true,
      kind: true,
      source: true,
      status: true,
      createdAt: true,
      hiddenAt: true,
      withdrawnAt: true,
      mergedAt: true,
      recordedById: true,
      recordedBy: { select: { displayName: true, deletedAt: true } },
      receipt: { select: { attachedAt: true, rotatedAt: true } },
    },
  });
  const resource = { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase };
  return {
    more: rows.length > RECORDED_LIST_MAX,
    rows: rows.slice(0, RECORDED_LIST_MAX).map(({ recordedBy, recordedById, receipt, ...row }) => ({
      ...row,
      recorder: options.all && recordedBy && !recordedBy.deletedAt ? recordedBy.displayName : null,
      byViewer: recordedById === viewer.id,
      attachedAt: receipt!.attachedAt,
      rotatedAt: receipt!.rotatedAt,
      mayReprint: can(viewer, "receipt:manage", { ...resource, ownerId: recordedById }),
    })),
  };
}

const pageInput = z.object({ municipalitySlug: slugSchema, dialogueSlug: slugSchema, all: z.boolean().optional() });

/**
 * The page /<municipality>/<dialogue>/recorded: the published dialogue, the list asked for, and
 * which lists the viewer may switch between. Null — a 404 — for anyone who may see neither.
 * Asking for all without being of the host team shows one's own.
 */
export async function getRecordedPage(viewer: Viewer | null, input: z.input<typeof pageInput>) {
  const parsed = pageInput.safeParse(input);
  if (!parsed.success || !viewer) return null;
  const { municipalitySlug, dialogueSlug } = parsed.data;
  const dialogue = await db.dialogue.findFirst({
    where: { ...publishedDialogue.where, slug: dialogueSlug, municipality: { slug: municipalitySlug } },
    select: { id: true, slug: true, title: true, languages: true, phase: true, municipalityId: true, municipality: { select: { slug: true, name: true } } },
  });
  if (!dialogue) return null;
  const access = recordedListAccess(viewer, dialogue);
  if (!access.mine && !access.all) return null;
  const all = parsed.data.all === true && access.all;
  const list = await listRecordedContributions(viewer, dialogue, { all });
  return list && { dialogue, access, all, ...list };
}
