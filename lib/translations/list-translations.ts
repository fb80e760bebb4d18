import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { TranslationMethod } from "@/lib/generated/prisma/enums";

export type TranslationView = {
  id: string;
  language: string;
  title: string | null;
  body: string;
  method: TranslationMethod;
  translatorId: string | null;
  /** Who checked it; null name when that account is gone. */
  checked: { name: string | null; at: Date } | null;
};

const inputSchema = z.object({ contributionId: z.uuid(), commentIds: z.array(z.uuid()) });

/**
 * The translations of a contribution and of its comments (one query), for its page: the
 * reader's language is picked from them, and the others tell which languages are taken.
 */
export async function listTranslations(input: { contributionId: string; commentIds: string[] }) {
  const { contributionId, commentIds } = inputSchema.parse(input);
  const rows = await db.translation.findMany({
    where: { OR: [{ contributionId }, ...(commentIds.length ? [{ commentId: { in: commentIds } }] : [])] },
    select: {
      id: true,
      contributionId: true,
      commentId: true,
      language: true,
      title: true,
      body: true,
      method: true,
      translatorId: true,
      checkedAt: true,
      checkedBy: { select: { displayName: true, deletedAt: true } },
    },
  });
  const contribution: TranslationView[] = [];
  const comments = new Map<string, TranslationView[]>();
  for (const { contributionId: ofContribution, commentId, checkedAt, checkedBy, ...row } of rows) {
    const view: TranslationView = {
      ...row,
      checked: checkedAt ? { at: checkedAt, name: checkedBy && !checkedBy.deletedAt ? checkedBy.displayName : null } : null,
    };
    if (ofContribution) contribution.push(view);
    else if (commentId) comments.set(commentId, [...(comments.get(commentId) ?? []), view]);
  }
  return { contribution, comments };
}
