import "server-only";
import { db } from "@/lib/db/client";
import { namesOf, type DistrictNames } from "./district-names";
import { districtShownSql } from "./district-rules";

/**
 * The districts these contributions name, for those where it is shown (./district-rules.ts):
 * contribution id → the district's id and names. One statement.
 */
export async function shownDistricts(contributionIds: readonly string[]): Promise<Map<string, { id: string; names: DistrictNames }>> {
  if (contributionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ contributionId: string; id: string; names: unknown }[]>`
    SELECT c."id" AS "contributionId", di."id", di."names" FROM "Contribution" c JOIN "District" di ON di."id" = c."districtId"
    WHERE c."id" = ANY(${[...contributionIds]}::uuid[]) AND ${districtShownSql("c")}`;
  return new Map(rows.map((row) => [row.contributionId, { id: row.id, names: namesOf(row.names) }]));
}

/** The district a contribution names, when it is shown; null otherwise. */
export async function shownDistrictOf(contributionId: string): Promise<DistrictNames | null> {
  return (await shownDistricts([contributionId])).get(contributionId)?.names ?? null;
}
