import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind, ContributionSource, ContributionStatus, TranslationMethod } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";
import {
  contributionFiltersSchema,
  languageTagSchema,
  NO_FILTERS,
  type ContributionFilters,
  type ContributionSort,
} from "./contribution-filters";
import { PERSPECTIVE_ORDER, type Perspective, type SupportBreakdown } from "./perspectives";
import { groupedPerspectiveSql } from "./public-perspective";

export const CONTRIBUTIONS_PER_PAGE = 20;
/** Far beyond any real dialogue; keeps OFFSET arithmetic away from absurd values. */
const MAX_PAGE = 10_000;

const pageSchema = z.coerce.number().int().min(1).max(MAX_PAGE);

/**
 * The page number from a `?page=` search parameter. Anything that is not a whole number in
 * range (missing, `abc`, `0`, `2.5`, repeated) means the first page.
 */
export function parsePageNumber(value: unknown): number {
  if (typeof value !== "string" || !/^\d+$/.test(value)) return 1;
  const parsed = pageSchema.safeParse(value);
  return parsed.success ? parsed.data : 1;
}

const inputSchema = z.object({
  dialogueId: z.uuid(),
  page: pageSchema,
  /** The reader's language: a translation into it is returned with each contribution. */
  locale: languageTagSchema,
  filters: contributionFiltersSchema.default(NO_FILTERS),
});

export type ContributionListItem = {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  title: string;
  /** The language it was written or said in (BCP 47). */
  language: string;
  /** One of the dialogue's themes (a foreign key guarantees it); the caller has their names. */
  themeId: string;
  /** The title in the reader's language when someone translated it; the original stays `title`. */
  translation: { title: string; method: TranslationMethod } | null;
  supports: SupportBreakdown;
  /**
   * How the voice reached us. The recorder's name is on the contribution's page: loading it here
   * would cost the list another query.
   */
  source: ContributionSource;
};

export type ContributionPage = {
  items: ContributionListItem[];
  page: number;
  pageCount: number;
  /** How many match the filters, over all pages. */
  total: number;
};

// Online supports plus those counted at meetings, computed inside the one page query: both
// subqueries run on the (contributionId, …) unique indexes, never as a query per row.
const SUPPORT_COUNT = Prisma.sql`(
  (SELECT count(*) FROM "Support" s WHERE s."contributionId" = c."id")
  + (SELECT coalesce(sum(m."count"), 0) FROM "MeetingSupport" m WHERE m."contributionId" = c."id")
)`;

// Postgres sorts enums in declaration order: NEED before PROPOSAL, LIVED_EXPERIENCE first
// (schema.prisma). Every order ends in `id` so it is total and pages never overlap. The groups
// of the default order are read off the page (dates restart at each boundary), so they go by
// the perspective as the public sees it: a private one sorts with "not stated"
// (docs/decisions/024-private-perspective.md).
const ORDER_BY: Record<ContributionSort, Prisma.Sql> = {
  needs: Prisma.sql`c."kind", ${groupedPerspectiveSql("c")}, c."createdAt" DESC, c."id" DESC`,
  newest: Prisma.sql`c."createdAt" DESC, c."id" DESC`,
  supported: Prisma.sql`${SUPPORT_COUNT} DESC, c."createdAt" DESC, c."id" DESC`,
};

/**
 * The rows a reader may see with the filters applied. Mirrors visibleContributionWhere and
 * publicDialogueWhere, which Prisma cannot combine with full-text search. The search expression
 * is the one the index "Contribution_search_idx" is built on (docs/decisions/005-full-text-search.md).
 */
function matching(dialogueId: string, filters: ContributionFilters): Prisma.Sql {
  const conditions = [
    Prisma.sql`c."dialogueId" = ${dialogueId}::uuid`,
    Prisma.sql`c."hiddenAt" IS NULL`,
    Prisma.sql`c."withdrawnAt" IS NULL`,
    Prisma.sql`EXISTS (SELECT 1 FROM "Dialogue" d WHERE d."id" = c."dialogueId" AND d."phase" <> 'DRAFT')`,
  ];
  if (filters.kind) conditions.push(Prisma.sql`c."kind" = ${filters.kind}::"ContributionKind"`);
  if (filters.themeId) conditions.push(Prisma.sql`c."themeId" = ${filters.themeId}::uuid`);
  if (filters.status) conditions.push(Prisma.sql`c."status" = ${filters.status}::"ContributionStatus"`);
  if (filters.language) conditions.push(Prisma.sql`c."language" = ${filters.language}`);
  if (filters.q) {
    conditions.push(
      Prisma.sql`to_tsvector('simple'::regconfig, c."title" || ' ' || c."body") @@ websearch_to_tsquery('simple'::regconfig, ${filters.q})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * One page of a public dialogue's visible contributions, narrowed by `filters`. By default
 * needs come before proposals and, within each, those of people who show lived experience come
 * first (docs/design.md, principles 1 and 4); then newest first. Six queries, whatever the page size, the number of
 * contributions or supports, and the filters.
 */
export async function listContributions(input: {
  dialogueId: string;
  page: number;
  locale: string;
  filters?: ContributionFilters;
}): Promise<ContributionPage> {
  const { dialogueId, page, locale, filters } = parseInput(inputSchema, input);
  const where = matching(dialogueId, filters);

  const [[counted], pageRows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "Contribution" c WHERE ${where}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT c."id" FROM "Contribution" c
      WHERE ${where}
      ORDER BY ${ORDER_BY[filters.sort]}
      LIMIT ${CONTRIBUTIONS_PER_PAGE} OFFSET ${(page - 1) * CONTRIBUTIONS_PER_PAGE}`,
  ]);
  const total = counted?.total ?? 0;
  const position = new Map(pageRows.map((row, index) => [row.id, index]));
  const rows =
    pageRows.length === 0
      ? []
      : (
          await db.contribution.findMany({
            where: { id: { in: [...position.keys()] } },
            select: {
              id: true,
              kind: true,
              status: true,
              title: true,
              language: true,
              themeId: true,
              source: true,
              translations: { where: { language: locale, title: { not: null } }, select: { title: true, method: true }, take: 1 },
            },
          })
        ).sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));

  const ids = rows.map((row) => row.id);
  const [online, atMeetings] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db.support.groupBy({
            by: ["contributionId", "perspective"],
            where: { contributionId: { in: ids } },
            _count: { _all: true },
          }),
          db.meetingSupport.groupBy({
            by: ["contributionId", "perspective"],
            where: { contributionId: { in: ids } },
            _sum: { count: true },
          }),
        ]);

  const tally = new Map<string, Map<Perspective, { online: number; atMeetings: number }>>();
  const cell = (contributionId: string, perspective: Perspective) => {
    let perContribution = tally.get(contributionId);
    if (!perContribution) tally.set(contributionId, (perContribution = new Map()));
    let counts = perContribution.get(perspective);
    if (!counts) perContribution.set(perspective, (counts = { online: 0, atMeetings: 0 }));
    return counts;
  };
  for (const row of online) cell(row.contributionId, row.perspective).online += row._count._all;
  for (const row of atMeetings) cell(row.contributionId, row.perspective).atMeetings += row._sum.count ?? 0;

  const items = rows.map(({ translations, ...row }): ContributionListItem => {
    const byPerspective = PERSPECTIVE_ORDER.map((perspective) => ({
      perspective,
      ...(tally.get(row.id)?.get(perspective) ?? { online: 0, atMeetings: 0 }),
    }));
    const supportTotal = byPerspective.reduce((sum, p) => sum + p.online + p.atMeetings, 0);
    const [translated] = translations;
    const translation = translated?.title && row.language !== locale ? { title: translated.title, method: translated.method } : null;
    return { ...row, translation, supports: { total: supportTotal, byPerspective } };
  });

  return { items, page, pageCount: Math.max(1, Math.ceil(total / CONTRIBUTIONS_PER_PAGE)), total };
}
