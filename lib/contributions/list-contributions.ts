import "server-only";
import { keysetCursor } from "@/lib/http/keyset-cursor";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind, ContributionSource, ContributionStatus, TranslationMethod } from "@/lib/generated/prisma/enums";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { parseInput } from "@/lib/validation";
import {
  contributionFiltersSchema,
  NO_FILTERS,
  type ContributionFilters,
  type ContributionSort,
} from "./contribution-filters";
import { PERSPECTIVE_ORDER, type Perspective, type SupportBreakdown } from "@/lib/perspectives/perspectives";
import { groupedPerspectiveSql } from "@/lib/perspectives/public-perspective";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { districtShownSql } from "@/lib/districts/district-rules";

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

/**
 * The keyset parameter of a list address (`after` or `before`, see decodeCursor), when it is a
 * valid cursor on a page beyond the first: to pass to listContributions and keep in the list's
 * own query. Anything else is dropped (the page is then read by its number).
 */
export function cursorQuery(query: Record<string, unknown>, page: number): { after: string } | { before: string } | Record<string, never> {
  if (page <= 1) return {};
  if (decodeCursor(query.after)) return { after: query.after as string };
  if (decodeCursor(query.before)) return { before: query.before as string };
  return {};
}

const inputSchema = z.object({
  dialogueId: z.uuid(),
  page: pageSchema,
  /** The reader's language: a translation into it is returned with each contribution. */
  locale: languageTagSchema,
  filters: contributionFiltersSchema.default(NO_FILTERS),
  /** Keyset: the page after (`after`) or before (`before`) the row of this cursor; see pageCursor. */
  after: z.string().max(400).optional(),
  before: z.string().max(400).optional(),
});

/**
 * Where a page starts or ends, as the sort key of its boundary row: kind, public perspective,
 * creation time, support count, id. A link to the next page carries the last row's cursor, one
 * to the previous page the first row's, so a deep page is read from the index like page 1
 * instead of skipping thousands of rows with OFFSET. Opaque in the address (base64url JSON).
 */
const cursorSchema = z.tuple([
  z.enum(["NEED", "PROPOSAL"]),
  z.enum(PERSPECTIVE_ORDER),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/)
    // A real instant (no 30 February): Postgres would refuse it with an error.
    .refine((value) => {
      const date = new Date(`${value}Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === value.slice(0, 19);
    }),
  z.number().int().min(0),
  z.uuid(),
]);
type Cursor = z.infer<typeof cursorSchema>;
const cursorCodec = keysetCursor(cursorSchema, 400);
const encodeCursor = cursorCodec.encode;

/** The cursor in a `?after=`/`?before=` parameter, or null for anything else (then OFFSET by page). */
export const decodeCursor = cursorCodec.decode;

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
  translation: { title: string; method: TranslationMethod; excerpt: string } | null;
  /** The start of the body (EXCERPT_LENGTH characters), in `language`. */
  excerpt: string;
  supports: SupportBreakdown;
  /** Whether the viewer the list was loaded for supports it; false for the signed-out. */
  supported: boolean;
  /** Whether the viewer the list was loaded for wrote it: no support button then (decision 024). */
  mine: boolean;
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
  /** Keyset cursors of the first and last row shown (null on an empty page): `before` and `after` of the neighbouring pages' links. */
  cursors: { first: string | null; last: string | null };
};

// Online supports plus those counted at meetings, stored on the row and kept by triggers
// (migration support_count_stored, decision 073): the "most supported" order is read from the
// index ("dialogueId", "supportCount" DESC, "createdAt" DESC, "id" DESC) like the others, instead
// of counting every contribution's supports on each request.
const SUPPORT_COUNT = Prisma.sql`c."supportCount"`;

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
// The same orders backwards, to read the page before a cursor (the rows are turned round after).
const REVERSED: Record<ContributionSort, Prisma.Sql> = {
  needs: Prisma.sql`c."kind" DESC, ${groupedPerspectiveSql("c")} DESC, c."createdAt", c."id"`,
  newest: Prisma.sql`c."createdAt", c."id"`,
  supported: Prisma.sql`${SUPPORT_COUNT}, c."createdAt", c."id"`,
};

/**
 * The rows of the page after (`direction` "after") or before the cursor's row in the order
 * `sort`, with the columns of the order, as a statement that reads about CONTRIBUTIONS_PER_PAGE
 * index entries however deep the cursor is; "before" reads them in the reversed order (the
 * caller turns them round).
 *
 * "newest" and "supported" run one way (every key descending), so the rows beyond the cursor are
 * one row comparison, an index range of theirs. The default order does not: its groups go up
 * (kind, perspective) and inside a group time goes down, so "beyond the cursor" is the rest of
 * the cursor's own group OR every later group — and an OR of the two is no range, PostgreSQL
 * walks the dialogue's index from its start and filters (10,121 rows for page 500 of the bench's
 * dialogue, decision 077). Here each is a range of the index ("dialogueId", "kind",
 * "shownPerspective", "createdAt" DESC, "id" DESC) with its own ORDER BY and LIMIT: the rest of
 * the group, then the groups after it; the two sets do not overlap and the first comes wholly
 * before the second, so the first n of both in the order are the page.
 */
function beyond(sort: ContributionSort, where: Prisma.Sql, cursor: Cursor, direction: "after" | "before"): Prisma.Sql {
  const [kind, perspective, createdAt, supports, id] = cursor;
  const later = direction === "after" ? Prisma.sql`<` : Prisma.sql`>`;
  const greater = direction === "after" ? Prisma.sql`>` : Prisma.sql`<`;
  const order = direction === "after" ? ORDER_BY[sort] : REVERSED[sort];
  const limit = CONTRIBUTIONS_PER_PAGE;
  // The columns every order needs, under their own names (the caller orders them again as `c`).
  const columns = Prisma.sql`c."id", c."kind", ${groupedPerspectiveSql("c")}, c."createdAt", ${SUPPORT_COUNT}`;
  const rows = (range: Prisma.Sql) => Prisma.sql`SELECT ${columns} FROM "Contribution" c WHERE ${where} AND ${range} ORDER BY ${order} LIMIT ${limit}`;
  // Within equal leading keys, newest first, then id: (createdAt, id) descending.
  const tail = Prisma.sql`(c."createdAt", c."id") ${later} (${createdAt}::timestamp, ${id}::uuid)`;
  if (sort === "newest") return rows(tail);
  if (sort === "supported") return rows(Prisma.sql`(${SUPPORT_COUNT}, c."createdAt", c."id") ${later} (${supports}::int, ${createdAt}::timestamp, ${id}::uuid)`);
  const group = Prisma.sql`c."kind" = ${kind}::"ContributionKind" AND ${groupedPerspectiveSql("c")} = ${perspective}::"Perspective" AND ${tail}`;
  const laterGroups = Prisma.sql`(c."kind", ${groupedPerspectiveSql("c")}) ${greater} (${kind}::"ContributionKind", ${perspective}::"Perspective")`;
  return Prisma.sql`SELECT c.* FROM ((${rows(group)}) UNION ALL (${rows(laterGroups)})) c ORDER BY ${order} LIMIT ${limit}`;
}

/**
 * The rows a reader may see with the filters applied: the policy's visible contribution of a
 * published dialogue, as SQL (lib/policy/visibility.ts; Prisma cannot combine its where with
 * full-text search). The search expression
 * is the one the index "Contribution_search_idx" is built on (docs/decisions/005-full-text-search.md).
 */
function matching(dialogueId: string, filters: ContributionFilters): Prisma.Sql {
  const conditions = [
    Prisma.sql`c."dialogueId" = ${dialogueId}::uuid`,
    visibleContribution.sql("c"),
    Prisma.sql`EXISTS (SELECT 1 FROM "Dialogue" d WHERE d."id" = c."dialogueId" AND ${publishedDialogue.sql("d")})`,
  ];
  if (filters.kind) conditions.push(Prisma.sql`c."kind" = ${filters.kind}::"ContributionKind"`);
  if (filters.themeId) conditions.push(Prisma.sql`c."themeId" = ${filters.themeId}::uuid`);
  // Only where the district is shown (decision 049): below the threshold the list stays empty.
  if (filters.districtId) conditions.push(Prisma.sql`c."districtId" = ${filters.districtId}::uuid AND ${districtShownSql("c")}`);
  if (filters.status) conditions.push(Prisma.sql`c."status" = ${filters.status}::"ContributionStatus"`);
  if (filters.language) conditions.push(Prisma.sql`c."language" = ${filters.language}`);
  if (filters.q) {
    conditions.push(
      Prisma.sql`to_tsvector('simple'::regconfig, c."title" || ' ' || c."body") @@ websearch_to_tsquery('simple'::regconfig, ${filters.q})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/** How many characters of the body a list item carries: two lines on a phone, a few on a desktop. */
export const EXCERPT_LENGTH = 240;

type PageRow = {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  title: string;
  excerpt: string;
  language: string;
  themeId: string;
  source: ContributionSource;
  translation: { title: string; method: TranslationMethod; excerpt: string } | null;
  online: Partial<Record<Perspective, number>>;
  atMeetings: Partial<Record<Perspective, number>>;
  supported: boolean;
  mine: boolean;
  cursor: [string, string, string, number | string, string];
};

/**
 * One page of a public dialogue's visible contributions, narrowed by `filters`. By default
 * needs come before proposals and, within each, those of people who show lived experience come
 * first (docs/design.md, principles 1 and 4); then newest first. One statement, whatever the
 * page size, the number of contributions or supports, and the filters: the total, the page's
 * rows in order with their translation into `locale`, their support tallies and, for a
 * signed-in `viewerId`, whether that person supports each (their own fact, never another's).
 */
export async function listContributions(input: {
  dialogueId: string;
  page: number;
  locale: string;
  filters?: ContributionFilters;
  viewerId?: string | null;
  /** Keyset cursors from a page link (decodeCursor); a bad one is ignored and the page read by number. */
  after?: string;
  before?: string;
}): Promise<ContributionPage> {
  const { dialogueId, page, locale, filters, after, before } = parseInput(inputSchema, input);
  const viewerId = input.viewerId ? z.uuid().parse(input.viewerId) : null;
  const where = matching(dialogueId, filters);
  // A cursor from a page link reads the page from the index; a bare ?page=N (an old or typed
  // address) still works with OFFSET. A cursor is only trusted beyond page 1.
  const afterCursor = page > 1 ? decodeCursor(after) : null;
  const beforeCursor = page > 1 && !afterCursor ? decodeCursor(before) : null;
  // A cursor's rows come in the order read from it; before the cursor that is the order turned
  // round, so the page is turned back (20 rows, no second look-up of the table).
  const cursor = afterCursor ? ({ at: afterCursor, direction: "after" } as const) : beforeCursor ? ({ at: beforeCursor, direction: "before" } as const) : null;
  const pageIds = cursor
    ? Prisma.sql`SELECT c."id" FROM (${beyond(filters.sort, where, cursor.at, cursor.direction)}) c ORDER BY ${ORDER_BY[filters.sort]}`
    : Prisma.sql`SELECT c."id" FROM "Contribution" c WHERE ${where}
           ORDER BY ${ORDER_BY[filters.sort]}
           LIMIT ${CONTRIBUTIONS_PER_PAGE} OFFSET ${(page - 1) * CONTRIBUTIONS_PER_PAGE}`;

  // The page's ids in order (ARRAY keeps the subquery's order, ORDINALITY numbers it), then
  // per row only what the list shows: the subqueries run for these 20 rows, not every match.
  const [result] = await db.$queryRaw<{ total: number; items: PageRow[] }[]>`
    SELECT
      (SELECT count(*)::int FROM "Contribution" c WHERE ${where}) AS "total",
      (SELECT coalesce(json_agg(json_build_object(
          'id', c."id", 'kind', c."kind", 'status', c."status", 'title', c."title",
          'excerpt', left(c."body", ${EXCERPT_LENGTH}), 'language', c."language", 'themeId', c."themeId", 'source', c."source",
          'translation', CASE WHEN tr."title" IS NULL THEN NULL
            ELSE json_build_object('title', tr."title", 'method', tr."method", 'excerpt', left(tr."body", ${EXCERPT_LENGTH})) END,
          'online', (SELECT coalesce(json_object_agg(s."perspective", s."n"), '{}'::json) FROM (
              SELECT "perspective", count(*)::int AS "n" FROM "Support" WHERE "contributionId" = c."id" GROUP BY 1) s),
          'atMeetings', (SELECT coalesce(json_object_agg(m."perspective", m."n"), '{}'::json) FROM (
              SELECT "perspective", sum("count")::int AS "n" FROM "MeetingSupport" WHERE "contributionId" = c."id" GROUP BY 1) m),
          'supported', EXISTS (SELECT 1 FROM "Support" s WHERE s."contributionId" = c."id" AND s."userId" = ${viewerId}::uuid),
          'mine', coalesce(c."authorId" = ${viewerId}::uuid, false),
          'cursor', json_build_array(c."kind", ${groupedPerspectiveSql("c")}, c."createdAt",
            ${filters.sort === "supported" ? SUPPORT_COUNT : Prisma.sql`0`}, c."id")
        ) ORDER BY p."ord"), '[]'::json)
       FROM unnest(ARRAY(${pageIds})) WITH ORDINALITY AS p("id", "ord")
       JOIN "Contribution" c ON c."id" = p."id"
       LEFT JOIN LATERAL (
         SELECT t."title", t."method", t."body" FROM "Translation" t
         WHERE t."contributionId" = c."id" AND t."language" = ${locale} AND t."title" IS NOT NULL
         ORDER BY t."id" LIMIT 1
       ) tr ON true
      ) AS "items"`;
  const total = result?.total ?? 0;

  const rows = result?.items ?? [];
  const cursorOf = (row: PageRow | undefined) => {
    if (!row) return null;
    const parsed = cursorSchema.safeParse([row.cursor[0], row.cursor[1], row.cursor[2], Number(row.cursor[3]), row.cursor[4]]);
    return parsed.success ? encodeCursor(parsed.data) : null;
  };
  const cursors = { first: cursorOf(rows[0]), last: cursorOf(rows.at(-1)) };
  const items = rows.map(({ online, atMeetings, translation, cursor: _cursor, ...row }): ContributionListItem => {
    const byPerspective = PERSPECTIVE_ORDER.map((perspective) => ({
      perspective,
      online: online[perspective] ?? 0,
      atMeetings: atMeetings[perspective] ?? 0,
    }));
    const supportTotal = byPerspective.reduce((sum, p) => sum + p.online + p.atMeetings, 0);
    return {
      ...row,
      translation: translation && row.language !== locale ? translation : null,
      supports: { total: supportTotal, byPerspective },
    };
  });

  return { items, page, pageCount: Math.max(1, Math.ceil(total / CONTRIBUTIONS_PER_PAGE)), total, cursors };
}
