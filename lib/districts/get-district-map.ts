import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { parseInput } from "@/lib/validation";
import { FEW_CONTRIBUTIONS, SHADES } from "./district-rules";
import { listDistricts, type District } from "./list-districts";

const inputSchema = z.object({ municipalityId: z.uuid(), dialogueId: z.uuid().optional() });


export type DistrictTally = District & {
  /**
   * Visible contributions and needs naming it, counted only where at least FEW_CONTRIBUTIONS of a
   * dialogue's name it (./district-rules.ts); null: "few" — fewer, or none, never told apart.
   */
  contributions: number | null;
  needs: number | null;
  /** "few", or 0…SHADES by needs relative to the district with the most (shown counts only). */
  shade: "few" | number;
};

/** A dialogue's count for one district, where the dialogue shows it. */
export type DialogueGroup = { dialogueId: string; districtId: string; contributions: number; needs: number };

export type DistrictMapData = {
  municipalityId: string;
  districts: DistrictTally[];
  /** The shown groups the tallies add up (one per dialogue × district), for links to each dialogue's list. */
  byDialogue: DialogueGroup[];
};

/**
 * A shade from shown counts only: an unshown district is "few" whatever its real number, so
 * the colour never tells more than the table (a district with 0 and one with 4 look the same).
 */
export function shadeOf(needs: number | null, mostNeeds: number): "few" | number {
  if (needs === null) return "few";
  if (needs === 0 || mostNeeds === 0) return 0;
  return Math.max(1, Math.ceil((SHADES * needs) / mostNeeds));
}

/**
 * The districts of a municipality with what the visible contributions of `dialogueId` say of
 * each — or, without a dialogue, summed over all its published dialogues, each dialogue's count
 * counted only where that dialogue shows it (so the sum is what the dialogue pages show added
 * up, never more). One statement beside the request-cached district list.
 */
export async function getDistrictMap(input: z.input<typeof inputSchema>): Promise<DistrictMapData> {
  const { municipalityId, dialogueId } = parseInput(inputSchema, input);
  const districts = await listDistricts(municipalityId);
  if (districts.length === 0) return { municipalityId, districts: [], byDialogue: [] };
  const where = dialogueId
    ? Prisma.sql`c."dialogueId" = ${dialogueId}::uuid AND d."municipalityId" = ${municipalityId}::uuid`
    : Prisma.sql`d."municipalityId" = ${municipalityId}::uuid`;
  // Per dialogue and district, only the groups a dialogue shows.
  const byDialogue = await db.$queryRaw<DialogueGroup[]>`
    SELECT c."dialogueId", c."districtId", count(*)::int AS "contributions", (count(*) FILTER (WHERE c."kind" = 'NEED'))::int AS "needs"
    FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId"
    WHERE ${where} AND c."districtId" IS NOT NULL AND ${visibleContribution.sql("c")} AND ${publishedDialogue.sql("d")}
    GROUP BY 1, 2 HAVING count(*) >= ${FEW_CONTRIBUTIONS}
    ORDER BY 1, 2`;
  const shown = new Map<string, { contributions: number; needs: number }>();
  for (const group of byDialogue) {
    const sum = shown.get(group.districtId) ?? { contributions: 0, needs: 0 };
    shown.set(group.districtId, { contributions: sum.contributions + group.contributions, needs: sum.needs + group.needs });
  }
  const rows = [...shown.values()];
  const mostNeeds = Math.max(0, ...rows.map((row) => row.needs));
  return {
    municipalityId,
    districts: districts.map((district) => {
      const row = shown.get(district.id);
      return { ...district, contributions: row?.contributions ?? null, needs: row?.needs ?? null, shade: shadeOf(row?.needs ?? null, mostNeeds) };
    }),
    byDialogue,
  };
}
