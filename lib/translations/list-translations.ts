import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { SubjectColumn } from "./translation-target";
import type { TranslationView } from "./reader-language";

export { inReaderLanguage, type TranslationView } from "./reader-language";

const viewSelect = {
  id: true,
  language: true,
  title: true,
  summary: true,
  place: true,
  codeOfConduct: true,
  body: true,
  method: true,
  translatorId: true,
  outdatedAt: true,
  checkedAt: true,
  checkedBy: { select: { displayName: true, deletedAt: true } },
} as const;

type Row = { checkedAt: Date | null; checkedBy: { displayName: string; deletedAt: Date | null } | null } & Omit<TranslationView, "checked">;
function view({ checkedAt, checkedBy, ...row }: Row): TranslationView {
  return { ...row, checked: checkedAt ? { at: checkedAt, name: checkedBy && !checkedBy.deletedAt ? checkedBy.displayName : null } : null };
}

/** The translations of many texts of one subject (one query), by the text's id. */
export async function listTranslationsOf(column: SubjectColumn, ids: string[]): Promise<Map<string, TranslationView[]>> {
  const valid = z.array(z.uuid()).parse(ids);
  const byId = new Map<string, TranslationView[]>();
  if (valid.length === 0) return byId;
  const rows = await db.translation.findMany({ where: { [column]: { in: valid } }, select: { ...viewSelect, [column]: true } });
  for (const row of rows) {
    const id = (row as unknown as Record<SubjectColumn, string>)[column];
    byId.set(id, [...(byId.get(id) ?? []), view(row)]);
  }
  return byId;
}

const inputSchema = z.object({ contributionId: z.uuid(), commentIds: z.array(z.uuid()), responseIds: z.array(z.uuid()).default([]) });

/**
 * The translations of a contribution, its comments and its answers, for its page: the reader's
 * language is picked from them, and the others tell which languages are taken.
 */
export async function listTranslations(input: z.input<typeof inputSchema>) {
  const { contributionId, commentIds, responseIds } = inputSchema.parse(input);
  // One statement for the three kinds of text (it was two per kind: the rows, then who checked them; issue 16).
  const rows = await db.$queryRaw<(Row & { contributionId: string | null; commentId: string | null; responseId: string | null })[]>`
    SELECT t."id", t."language", t."title", t."summary", t."place", t."codeOfConduct", t."body", t."method"::text AS "method",
      t."translatorId", t."outdatedAt", t."checkedAt", t."contributionId", t."commentId", t."responseId",
      CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('displayName', u."displayName", 'deletedAt', u."deletedAt") END AS "checkedBy"
    FROM "Translation" t LEFT JOIN "User" u ON u."id" = t."checkedById"
    WHERE t."contributionId" = ${contributionId}::uuid OR t."commentId" = ANY(${commentIds}::uuid[]) OR t."responseId" = ANY(${responseIds}::uuid[])`;
  const comments = new Map<string, TranslationView[]>();
  const responses = new Map<string, TranslationView[]>();
  const contribution: TranslationView[] = [];
  for (const { contributionId: ofContribution, commentId, responseId, checkedBy, ...row } of rows) {
    // Inside JSON the account's deletedAt is a string; only whether it is set counts here.
    const translation = view({ ...row, checkedBy: checkedBy ? { displayName: checkedBy.displayName, deletedAt: checkedBy.deletedAt ? new Date(0) : null } : null });
    if (ofContribution === contributionId) contribution.push(translation);
    else if (commentId) comments.set(commentId, [...(comments.get(commentId) ?? []), translation]);
    else if (responseId) responses.set(responseId, [...(responses.get(responseId) ?? []), translation]);
  }
  return { contribution, comments, responses };
}
