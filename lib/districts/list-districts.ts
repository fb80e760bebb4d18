import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { namesOf, type DistrictNames } from "./district-names";
import type { Boundary } from "./parse-boundary";

export type District = { id: string; names: DistrictNames; boundary: Boundary | null; position: number };

/**
 * A municipality's districts in their order, with names and boundaries (public: they are the
 * town's parts, not anyone's data). Request-cached: a page and its forms share one statement.
 */
export const listDistricts = cache(async (municipalityId: string): Promise<District[]> => {
  const rows = await db.district.findMany({
    where: { municipalityId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, names: true, boundary: true, position: true },
  });
  return rows.map((row) => ({ id: row.id, names: namesOf(row.names), boundary: (row.boundary as Boundary | null) ?? null, position: row.position }));
});

/**
 * The languages staff name districts in: the municipality's own first, then those of its
 * dialogues, each once.
 */
export async function districtLanguages(municipalityId: string): Promise<string[]> {
  const municipality = await db.municipality.findUniqueOrThrow({
    where: { id: municipalityId },
    select: { defaultLocale: true, dialogues: { select: { languages: true } } },
  });
  return [...new Set([municipality.defaultLocale, ...municipality.dialogues.flatMap((d) => d.languages)])];
}
