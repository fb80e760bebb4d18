import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { visibleContribution } from "@/lib/policy/visibility";

/**
 * Where a merged contribution's page leads (decision 051): the visible contribution of the same
 * dialogue it was merged into, or null (not merged, or the kept one is gone too).
 */
export const keptContributionOf = cache(async (contributionId: string, dialogueId: string): Promise<string | null> => {
  if (!/^[0-9a-f-]{36}$/i.test(contributionId)) return null;
  const merged = await db.contribution.findFirst({
    where: { id: contributionId, dialogueId, mergedAt: { not: null } },
    select: { mergedInto: { select: { id: true, dialogueId: true, hiddenAt: true, withdrawnAt: true, mergedAt: true } } },
  });
  const kept = merged?.mergedInto;
  return kept && kept.dialogueId === dialogueId && visibleContribution.holds(kept) ? kept.id : null;
});

/**
 * What was merged into a contribution, for its page: both voices stay on record. Title, text and
 * language as written; the author's name only (never a perspective: decision 024 — the merge names
 * a person next to a tally their support once went into).
 */
export type MergedIntoView = Awaited<ReturnType<typeof listMergedInto>>[number];

export async function listMergedInto(contributionId: string) {
  const rows = await db.contribution.findMany({
    where: { mergedIntoId: contributionId, hiddenAt: null, withdrawnAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, body: true, language: true, createdAt: true, author: { select: { displayName: true, deletedAt: true } } },
  });
  return rows.map(({ author, ...row }) => ({ ...row, authorName: author && !author.deletedAt ? author.displayName : null }));
}
