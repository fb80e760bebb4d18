// When a contribution's district is public (decision 049). One rule, spelled once: a district is
// named with a contribution, counted on a map, listed by a filter or given in the open-data API
// only once at least FEW_CONTRIBUTIONS visible contributions of the same dialogue name it. Below
// that, every surface says "few" (or nothing) — the map, its table, the filtered list, the
// contribution's page, the API and the exports — so no join of them yields a small exact number.
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleContribution } from "@/lib/policy/visibility";

/** Fewer visible contributions than this naming a district in a dialogue: shown as "few". */
export const FEW_CONTRIBUTIONS = 5;

/** How many shades a map has for districts with a shown count (0 = no needs … SHADES = the most). */
export const SHADES = 4;

/** In memory: whether a count of visible contributions naming a district may be shown. */
export const districtCountShown = (visibleContributions: number): boolean => visibleContributions >= FEW_CONTRIBUTIONS;

/** A table alias of a raw query: letters only, never user input. */
function column(alias: string, name: string): Prisma.Sql {
  if (!/^[a-z]+$/i.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return Prisma.raw(`${alias}."${name}"`);
}

/**
 * SQL: the district of the contribution under `alias` is public — it names one, and at least
 * FEW_CONTRIBUTIONS visible contributions of its dialogue name the same. Pinned to
 * districtCountShown by tests/districts/district-threshold.test.ts.
 */
export function districtShownSql(alias: string): Prisma.Sql {
  return Prisma.sql`(${column(alias, "districtId")} IS NOT NULL AND (
    SELECT count(*) FROM "Contribution" dx
    WHERE dx."dialogueId" = ${column(alias, "dialogueId")} AND dx."districtId" = ${column(alias, "districtId")} AND ${visibleContribution.sql("dx")}
  ) >= ${FEW_CONTRIBUTIONS})`;
}

/** SQL: the district id of the contribution under `alias` where it is public, else NULL. */
export function shownDistrictIdSql(alias: string): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${districtShownSql(alias)} THEN ${column(alias, "districtId")} END)`;
}
