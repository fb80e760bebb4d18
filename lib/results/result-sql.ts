import "server-only";
import { groupedPerspectiveSql } from "@/lib/perspectives/public-perspective";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionSource, ContributionStatus } from "@/lib/generated/prisma/enums";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";

/** In the enums' declaration order, so tables list them the same way everywhere. */
export const CONTRIBUTION_SOURCES = ["ONLINE", "MEETING", "PAPER", "INTERPRETED"] as const satisfies readonly ContributionSource[];
export const CONTRIBUTION_STATUSES = [
  "OPEN",
  "UNDER_REVIEW",
  "PLANNED",
  "IN_PROGRESS",
  "DONE",
  "DECLINED",
] as const satisfies readonly ContributionStatus[];

/**
 * Now, as the database stores times: Prisma writes DateTime as UTC `timestamp without time zone`,
 * so comparing with `now()` (with time zone) would depend on the session's time zone.
 */
export const NOW_UTC = Prisma.raw(`(now() AT TIME ZONE 'UTC')`);

/**
 * The contributions results count, as a CTE body: those of published dialogues, neither hidden
 * nor withdrawn (the policy's rules, lib/policy/visibility.ts), each with whether it has a
 * public response. `where` narrows them (alias `c`), e.g. to one dialogue. "shownPerspective" is
 * the author's perspective as the public may see it, a private one counted as "not stated"
 * (docs/decisions/024-private-perspective.md).
 */
export function visibleContributionsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT c."id", c."dialogueId", c."themeId", c."kind", c."status", c."authorPerspective",
           ${groupedPerspectiveSql("c")} AS "shownPerspective", c."source",
           c."language", c."meetingId", c."createdAt",
           EXISTS (SELECT 1 FROM "Response" r WHERE r."contributionId" = c."id") AS "answered"
    FROM "Contribution" c
    JOIN "Dialogue" d ON d."id" = c."dialogueId"
    WHERE ${where} AND ${publishedDialogue.sql("d")} AND ${visibleContribution.sql("c")}`;
}

/** Every key of `order` with its value from the grouped `rows` (0 where a group had no rows). */
export function byOrder<K extends string, R>(
  order: readonly K[],
  rows: readonly R[],
  keyOf: (row: R) => string | null,
  valueOf: (row: R) => number,
): [K, number][] {
  return order.map((key) => [key, rows.filter((row) => keyOf(row) === key).reduce((sum, row) => sum + valueOf(row), 0)]);
}
