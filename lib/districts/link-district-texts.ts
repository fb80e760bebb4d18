// No "server-only": the demo seed (prisma/seed/write.ts) and scripts/link-district-texts.ts run it too.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Client = Prisma.TransactionClient | PrismaClient;

/**
 * The district field was free text before districts existed. Where such a text is one of a
 * district's names in any of its languages (ignoring case, surrounding and repeated spaces),
 * the contribution now names that district and the text is cleared; a text that matches no
 * district, or two, stays as it was, private to its author (decision 049). Runs whenever staff
 * save a district, and for every municipality from scripts/link-district-texts.ts. Returns how
 * many contributions it linked.
 */
export async function linkDistrictTexts(client: Client, municipalityId: string): Promise<number> {
  return client.$executeRaw`
    WITH names AS (
      SELECT di."id", lower(regexp_replace(btrim(n.value), '\\s+', ' ', 'g')) AS "name"
      FROM "District" di, jsonb_each_text(di."names") n
      WHERE di."municipalityId" = ${municipalityId}::uuid
    ),
    matched AS (
      SELECT c."id" AS "contributionId", min(names."id"::text)::uuid AS "districtId"
      FROM "Contribution" c
      JOIN "Dialogue" d ON d."id" = c."dialogueId" AND d."municipalityId" = ${municipalityId}::uuid
      JOIN names ON names."name" = lower(regexp_replace(btrim(c."districtText"), '\\s+', ' ', 'g'))
      WHERE c."districtText" IS NOT NULL AND c."districtId" IS NULL
      GROUP BY c."id"
      HAVING count(DISTINCT names."id") = 1
    )
    UPDATE "Contribution" c SET "districtId" = matched."districtId", "place" = 'DISTRICT', "districtText" = NULL
    FROM matched WHERE c."id" = matched."contributionId"`;
}

/**
 * The same for every municipality, for an operator after upgrading (scripts/link-district-texts.ts):
 * how many contributions it linked and how many free-text values stay unmatched, private.
 */
export async function linkAllDistrictTexts(client: PrismaClient): Promise<{ linked: number; unmatched: number }> {
  const municipalities = await client.municipality.findMany({ select: { id: true } });
  let linked = 0;
  for (const { id } of municipalities) linked += await linkDistrictTexts(client, id);
  const unmatched = await client.contribution.count({ where: { districtText: { not: null } } });
  return { linked, unmatched };
}
