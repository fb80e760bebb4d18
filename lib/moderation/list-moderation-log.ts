import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";

export const LOG_PAGE_SIZE = 50;

const inputSchema = z.object({ dialogueId: z.uuid(), page: z.coerce.number().int().min(1).catch(1) });

/** The dialogue's moderation log, newest first, a page at a time: who, what, why, when. */
export async function listModerationLog(viewer: Viewer | null, input: { dialogueId: string; page?: number | string }) {
  const { dialogueId, page } = parseInput(inputSchema, { page: 1, ...input });
  authorize(viewer, "moderation-log:read", await dialogueResource(dialogueId));
  const where = { dialogueId };
  const [total, entries] = await Promise.all([
    db.moderationAction.count({ where }),
    db.moderationAction.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * LOG_PAGE_SIZE,
      take: LOG_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        category: true,
        reason: true,
        reasonLanguage: true,
        createdAt: true,
        contributionId: true,
        commentId: true,
        mediationCaseId: true,
        actor: { select: { displayName: true, deletedAt: true } },
        comment: { select: { contributionId: true } },
      },
    }),
  ]);
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)),
    entries: entries.map(({ actor, comment, ...entry }) => ({
      ...entry,
      actorName: actor.deletedAt ? null : actor.displayName,
      /** The contribution page the entry is about, if any. */
      contributionId: entry.contributionId ?? comment?.contributionId ?? null,
    })),
  };
}
