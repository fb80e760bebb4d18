// "Few" holds on every public surface at once (decision 049). Playing the attacker: with fewer
// than FEW_CONTRIBUTIONS visible contributions naming a district in a dialogue, none of the map,
// its table data, the filtered list, the contribution's page, the open-data API or the export
// gives the district or a number for it; at the threshold all of them show the same exact count.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listContributions } from "@/lib/contributions/list-contributions";
import { getContribution } from "@/lib/contributions/get-contribution";
import { districtCountShown, FEW_CONTRIBUTIONS } from "@/lib/districts/district-rules";
import { getDistrictMap, shadeOf } from "@/lib/districts/get-district-map";
import { projectDistricts } from "@/lib/districts/project-districts";
import { RECORD_TYPES } from "@/lib/exports/definition";
import { listOpenContributions } from "@/lib/open-data/list-open-contributions";
import { createContribution, createDialogue, createDistrict, openDialogue } from "@/tests/support/factories";

async function world() {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const district = await createDistrict(dialogue.municipalityId, {
    names: { de: "Weststadt", ar: "الحي الغربي" },
    boundary: { type: "Polygon", coordinates: [[[8.6, 50.1], [8.62, 50.1], [8.62, 50.12], [8.6, 50.12], [8.6, 50.1]]] },
  });
  const other = await createDistrict(dialogue.municipalityId, { names: { de: "Altstadt" } });
  return { dialogue, district, other };
}

const inDistrict = (dialogueId: string, districtId: string, kind: "NEED" | "PROPOSAL" = "NEED") =>
  createContribution({ dialogueId, place: "DISTRICT", districtId, kind });

/** Everything the public can read about the district in the dialogue, in one place. */
async function surfaces(dialogueId: string, municipalityId: string, districtId: string, contributionIds: string[]) {
  const map = await getDistrictMap({ municipalityId, dialogueId });
  const tally = map.districts.find((d) => d.id === districtId)!;
  const list = await listContributions({ dialogueId, page: 1, locale: "de", filters: { districtId, sort: "needs" } });
  const pages = await Promise.all(contributionIds.map((contributionId) => getContribution({ contributionId, dialogueId }, null)));
  const open = await listOpenContributions({ dialogueId, limit: 100 });
  const exported: { district: string | null }[] = [];
  for await (const batch of RECORD_TYPES.contributions.batches({ dialogueId, includeHidden: false })) exported.push(...batch);
  const municipalityMap = await getDistrictMap({ municipalityId });
  return {
    mapContributions: tally.contributions,
    mapNeeds: tally.needs,
    shade: tally.shade,
    municipalityContributions: municipalityMap.districts.find((d) => d.id === districtId)!.contributions,
    listed: list.total,
    namedOnPages: pages.filter((page) => page?.shownDistrict).length,
    namedInApi: open.items.filter((item) => item.district !== null).length,
    namedInExport: exported.filter((row) => row.district !== null).length,
  };
}

describe("the district threshold", () => {
  it("pins the in-memory rule to the SQL one", () => {
    expect(districtCountShown(FEW_CONTRIBUTIONS - 1)).toBe(false);
    expect(districtCountShown(FEW_CONTRIBUTIONS)).toBe(true);
  });

  it(`below ${FEW_CONTRIBUTIONS}, no surface names the district or counts it; at ${FEW_CONTRIBUTIONS}, all show the same exact count`, async () => {
    const { dialogue, district } = await world();
    const ids: string[] = [];
    for (let i = 0; i < FEW_CONTRIBUTIONS - 1; i++) ids.push((await inDistrict(dialogue.id, district.id, i === 0 ? "PROPOSAL" : "NEED")).id);

    expect(await surfaces(dialogue.id, dialogue.municipalityId, district.id, ids)).toEqual({
      mapContributions: null,
      mapNeeds: null,
      shade: "few",
      municipalityContributions: null,
      listed: 0,
      namedOnPages: 0,
      namedInApi: 0,
      namedInExport: 0,
    });

    ids.push((await inDistrict(dialogue.id, district.id)).id);
    expect(await surfaces(dialogue.id, dialogue.municipalityId, district.id, ids)).toEqual({
      mapContributions: FEW_CONTRIBUTIONS,
      mapNeeds: FEW_CONTRIBUTIONS - 1,
      shade: 4,
      municipalityContributions: FEW_CONTRIBUTIONS,
      listed: FEW_CONTRIBUTIONS,
      namedOnPages: FEW_CONTRIBUTIONS,
      namedInApi: FEW_CONTRIBUTIONS,
      namedInExport: FEW_CONTRIBUTIONS,
    });

    // A moderator hides one: back below the threshold, everywhere at once.
    await db.contribution.update({ where: { id: ids[0]! }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } });
    expect(await surfaces(dialogue.id, dialogue.municipalityId, district.id, ids.slice(1))).toMatchObject({ mapContributions: null, listed: 0, namedOnPages: 0, namedInApi: 0, namedInExport: 0 });
  });

  it("does not tell an empty district from one with a few, in the data or the shade", async () => {
    const { dialogue, district, other } = await world();
    for (let i = 0; i < FEW_CONTRIBUTIONS - 1; i++) await inDistrict(dialogue.id, district.id);
    const map = await getDistrictMap({ municipalityId: dialogue.municipalityId, dialogueId: dialogue.id });
    const [few, empty] = [map.districts.find((d) => d.id === district.id)!, map.districts.find((d) => d.id === other.id)!];
    expect({ ...few, id: "", names: {}, boundary: null }).toEqual({ ...empty, id: "", names: {}, boundary: null });
    expect(shadeOf(null, 10)).toBe("few");
  });

  it("adds up a municipality's map only from what each dialogue shows itself", async () => {
    const { dialogue, district } = await world();
    const second = await createDialogue({ municipalityId: dialogue.municipalityId });
    await openDialogue(second.id);
    for (let i = 0; i < FEW_CONTRIBUTIONS; i++) await inDistrict(dialogue.id, district.id);
    for (let i = 0; i < FEW_CONTRIBUTIONS - 1; i++) await inDistrict(second.id, district.id);
    const map = await getDistrictMap({ municipalityId: dialogue.municipalityId });
    expect(map.districts.find((d) => d.id === district.id)!.contributions).toBe(FEW_CONTRIBUTIONS);
    expect(map.byDialogue).toEqual([{ dialogueId: dialogue.id, districtId: district.id, contributions: FEW_CONTRIBUTIONS, needs: FEW_CONTRIBUTIONS }]);
  });

  it("draws districts with a boundary as SVG paths inside the map's box, and leaves the others out", async () => {
    const { district, other } = await world();
    const rows = await db.district.findMany({ where: { id: { in: [district.id, other.id] } } });
    const drawn = projectDistricts(rows.map((row) => ({ id: row.id, boundary: row.boundary as never })));
    expect(drawn.map((d) => d.id)).toEqual([district.id]);
    expect(drawn[0]!.path).toMatch(/^M[\d.]+,[\d.]+L/);
    const numbers = drawn[0]!.path.match(/[\d.]+/g)!.map(Number);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(320);
  });
});
