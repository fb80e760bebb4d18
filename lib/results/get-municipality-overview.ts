import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionSource } from "@/lib/generated/prisma/enums";
import { PERSPECTIVE_ORDER, type Perspective } from "@/lib/perspectives/perspectives";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { CONTRIBUTION_SOURCES, NOW_UTC, visibleContributionsSql } from "./result-sql";
import type { KindCounts } from "./get-dialogue-results";

const inputSchema = z.object({ municipalityId: z.uuid() });

/** How far back participation over time reaches: two years of months at most. */
export const OVERVIEW_MONTHS = 24;

export const NEED_AGE_BUCKETS = ["UNDER_2_WEEKS", "WEEKS_2_TO_4", "MONTHS_1_TO_3", "OLDER"] as const;
export type NeedAgeBucket = (typeof NEED_AGE_BUCKETS)[number];

export type Activity = { contributions: number; comments: number; supportsOnline: number; supportsAtMeetings: number };

export type MunicipalityOverview = {
  /** One entry per calendar month (UTC), oldest first, from the first activity (at most OVERVIEW_MONTHS back) to now; empty months included. */
  months: (Activity & { month: Date })[];
  /** Contributions and comments per language they were written or said in, most used first. */
  byLanguage: { language: string; contributions: number; comments: number }[];
  /** In PERSPECTIVE_ORDER, zeros included. */
  byPerspective: (Activity & { perspective: Perspective })[];
  bySource: (KindCounts & { source: ContributionSource })[];
  /** Needs without any public response yet, by how long they have waited. */
  openNeedsByAge: { bucket: NeedAgeBucket; count: number }[];
};

type MonthRow = Activity & { month: Date };

/**
 * Participation across the published dialogues of a municipality, for its staff: over time, by
 * language, perspective and source, and the needs still waiting for an answer. Hidden and
 * withdrawn contributions, and hidden or deleted comments, are left out. Five SQL statements
 * whatever the amount of data.
 */
export async function getMunicipalityOverview(viewer: Viewer | null, input: z.input<typeof inputSchema>): Promise<MunicipalityOverview> {
  const { municipalityId } = parseInput(inputSchema, input);
  authorize(viewer, "overview:read", { municipalityId });

  const visible = visibleContributionsSql(Prisma.sql`d."municipalityId" = ${municipalityId}::uuid`);
  // Every counted thing once, as (when, language, perspective, what): the tallies below group it.
  const events = Prisma.sql`
    visible AS (${visible}),
    events AS (
      SELECT v."createdAt" AS "at", v."language", v."authorPerspective" AS "perspective", 1 AS "contributions", 0 AS "comments", 0 AS "supportsOnline", 0 AS "supportsAtMeetings"
        FROM visible v
      UNION ALL
      SELECT k."createdAt", k."language", k."authorPerspective", 0, 1, 0, 0
        FROM "Comment" k JOIN visible v ON v."id" = k."contributionId"
       WHERE k."hiddenAt" IS NULL AND k."deletedAt" IS NULL
      UNION ALL
      SELECT s."createdAt", NULL, s."perspective", 0, 0, 1, 0
        FROM "Support" s JOIN visible v ON v."id" = s."contributionId"
      UNION ALL
      SELECT ms."createdAt", NULL, ms."perspective", 0, 0, 0, ms."count"
        FROM "MeetingSupport" ms JOIN visible v ON v."id" = ms."contributionId"
    )`;
  const sums = Prisma.sql`
    coalesce(sum(e."contributions"), 0)::int AS "contributions", coalesce(sum(e."comments"), 0)::int AS "comments",
    coalesce(sum(e."supportsOnline"), 0)::int AS "supportsOnline", coalesce(sum(e."supportsAtMeetings"), 0)::int AS "supportsAtMeetings"`;

  const [months, byLanguage, byPerspective, bySource, openNeeds] = await Promise.all([
    db.$queryRaw<MonthRow[]>`
      WITH ${events},
      bounds AS (
        SELECT date_trunc('month', ${NOW_UTC}) AS "last",
               greatest(date_trunc('month', coalesce((SELECT min(e."at") FROM events e), ${NOW_UTC})),
                        date_trunc('month', ${NOW_UTC}) - ${`${OVERVIEW_MONTHS - 1} months`}::interval) AS "first"
      ),
      months AS (
        SELECT generate_series(b."first", b."last", interval '1 month') AS "month" FROM bounds b
      )
      SELECT m."month", ${sums}
      FROM months m LEFT JOIN events e ON date_trunc('month', e."at") = m."month"
      GROUP BY m."month" ORDER BY m."month"`,
    db.$queryRaw<{ language: string; contributions: number; comments: number }[]>`
      WITH ${events}
      SELECT e."language", sum(e."contributions")::int AS "contributions", sum(e."comments")::int AS "comments"
      FROM events e WHERE e."language" IS NOT NULL
      GROUP BY e."language" ORDER BY sum(e."contributions" + e."comments") DESC, e."language"`,
    db.$queryRaw<(Activity & { perspective: Perspective })[]>`
      WITH ${events}
      SELECT e."perspective"::text AS "perspective", ${sums}
      FROM events e GROUP BY e."perspective"`,
    db.$queryRaw<{ source: ContributionSource; kind: "NEED" | "PROPOSAL"; count: number }[]>`
      WITH visible AS (${visible})
      SELECT v."source"::text AS "source", v."kind"::text AS "kind", count(*)::int AS "count"
      FROM visible v GROUP BY v."source", v."kind"`,
    db.$queryRaw<{ bucket: NeedAgeBucket; count: number }[]>`
      WITH visible AS (${visible})
      SELECT CASE
               WHEN v."createdAt" > ${NOW_UTC} - interval '14 days' THEN 'UNDER_2_WEEKS'
               WHEN v."createdAt" > ${NOW_UTC} - interval '28 days' THEN 'WEEKS_2_TO_4'
               WHEN v."createdAt" > ${NOW_UTC} - interval '3 months' THEN 'MONTHS_1_TO_3'
               ELSE 'OLDER'
             END AS "bucket",
             count(*)::int AS "count"
      FROM visible v WHERE v."kind" = 'NEED' AND NOT v."answered"
      GROUP BY 1`,
  ]);

  const zero: Activity = { contributions: 0, comments: 0, supportsOnline: 0, supportsAtMeetings: 0 };
  return {
    months,
    byLanguage,
    byPerspective: PERSPECTIVE_ORDER.map((perspective) => {
      const { perspective: _, ...counts } = byPerspective.find((row) => row.perspective === perspective) ?? { perspective, ...zero };
      return { perspective, ...counts };
    }),
    bySource: CONTRIBUTION_SOURCES.map((source) => ({
      source,
      needs: bySource.find((row) => row.source === source && row.kind === "NEED")?.count ?? 0,
      proposals: bySource.find((row) => row.source === source && row.kind === "PROPOSAL")?.count ?? 0,
    })),
    openNeedsByAge: NEED_AGE_BUCKETS.map((bucket) => ({ bucket, count: openNeeds.find((row) => row.bucket === bucket)?.count ?? 0 })),
  };
}
