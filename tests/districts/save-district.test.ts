// Staff name the municipality's districts and upload their boundaries (decision 049): only their
// own municipality's staff; refusals come back per field; saving links the old free-text values
// that name the district, and nothing else.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { linkAllDistrictTexts } from "@/lib/districts/link-district-texts";
import { saveDistrict } from "@/lib/districts/save-district";
import { createContribution, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";

async function staffOf(municipalityId: string, role: "STAFF" | "MODERATOR" = "STAFF") {
  const user = await createUser();
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role } });
  return viewerOf(user.id);
}

const boundary = JSON.stringify({
  type: "Feature",
  properties: {},
  geometry: { type: "Polygon", coordinates: [[[8.6, 50.1], [8.6, 50.12], [8.62, 50.12], [8.62, 50.1], [8.6, 50.1]]] },
});

describe("saveDistrict", () => {
  it("stores the names in the municipality's languages and the boundary wound as RFC 7946 says", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    const { id } = await saveDistrict(staff, { municipalityId: municipality.id, names: { de: "  Weststadt ", ar: "", xx: "ignored" }, boundary });
    const row = await db.district.findUniqueOrThrow({ where: { id } });
    expect(row.names).toEqual({ de: "Weststadt" });
    expect(row.boundary).toMatchObject({ type: "Polygon" });
    expect((row.boundary as { coordinates: number[][][] }).coordinates[0]![1]).toEqual([8.62, 50.1]);
  });

  it.each([
    ["a moderator of the municipality", async (municipalityId: string) => staffOf(municipalityId, "MODERATOR")],
    ["another municipality's staff", async () => staffOf((await createMunicipality()).id)],
    ["a participant", async () => viewerOf((await createUser()).id)],
  ])("refuses %s", async (_who, make) => {
    const municipality = await createMunicipality();
    const viewer = await make(municipality.id);
    expect((await appErrorOf(saveDistrict(viewer, { municipalityId: municipality.id, names: { de: "Nordstadt" } }))).code).toBe("FORBIDDEN");
    expect(await db.district.count({ where: { municipalityId: municipality.id } })).toBe(0);
  });

  it.each([
    ["no name in the municipality's language", { names: { de: " " } }, "name-de", "validation.required"],
    ["a point as boundary", { names: { de: "Punkt" }, boundary: JSON.stringify({ type: "Point", coordinates: [8.6, 50.1] }) }, "boundary", "districtValidation.notArea"],
    ["broken JSON", { names: { de: "Kaputt" }, boundary: "{" }, "boundary", "districtValidation.notJson"],
  ])("refuses %s at its field", async (_case, input, field, key) => {
    const municipality = await createMunicipality();
    const error = await appErrorOf(saveDistrict(await staffOf(municipality.id), { municipalityId: municipality.id, ...input }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, field)).toContain(key);
  });

  it("refuses a name another district has, in any language and case", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    await saveDistrict(staff, { municipalityId: municipality.id, names: { de: "Altstadt" } });
    const error = await appErrorOf(saveDistrict(staff, { municipalityId: municipality.id, names: { de: "ALTSTADT " } }));
    expect(fieldKeys(error, "name-de")).toContain("districtValidation.nameTaken");
  });

  it("keeps the boundary when the field is empty and removes it when asked", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    const { id } = await saveDistrict(staff, { municipalityId: municipality.id, names: { de: "Südstadt" }, boundary });
    await saveDistrict(staff, { municipalityId: municipality.id, districtId: id, names: { de: "Südstadt" } });
    expect((await db.district.findUniqueOrThrow({ where: { id } })).boundary).not.toBeNull();
    await saveDistrict(staff, { municipalityId: municipality.id, districtId: id, names: { de: "Südstadt" }, removeBoundary: true });
    expect((await db.district.findUniqueOrThrow({ where: { id } })).boundary).toBeNull();
  });
});

describe("the old free-text district field", () => {
  async function legacy(dialogueId: string, districtText: string) {
    return createContribution({ dialogueId, districtText });
  }

  it("is linked where it is one of a district's names, and kept private where it matches none or two", async () => {
    const municipality = await createMunicipality();
    const dialogue = await createDialogue({ municipalityId: municipality.id });
    await openDialogue(dialogue.id);
    const staff = await staffOf(municipality.id);
    const exact = await legacy(dialogue.id, "Weststadt");
    const spaced = await legacy(dialogue.id, "  weststadt  ");
    const arabic = await legacy(dialogue.id, "الحي الغربي");
    const street = await legacy(dialogue.id, "Nordstraße 12");
    const ambiguous = await legacy(dialogue.id, "Mitte");
    const { id: west, linked } = await saveDistrict(staff, { municipalityId: municipality.id, names: { de: "Weststadt", ar: "الحي الغربي" } });
    expect(linked).toBe(3);
    const placeOf = async (id: string) => {
      const { place, districtId, districtText } = await db.contribution.findUniqueOrThrow({ where: { id } });
      return { place, districtId, districtText };
    };
    const inWest = { place: "DISTRICT", districtId: west, districtText: null };
    expect({ exact: await placeOf(exact.id), spaced: await placeOf(spaced.id), arabic: await placeOf(arabic.id) }).toEqual({ exact: inWest, spaced: inWest, arabic: inWest });
    // "Mitte" is one district's German name and another's English one: neither is guessed.
    await db.district.createMany({ data: [{ municipalityId: municipality.id, names: { de: "Mitte" } }, { municipalityId: municipality.id, names: { de: "Zentrum", en: "mitte" } }] });
    expect((await linkAllDistrictTexts(db)).linked).toBe(0);
    expect({ street: await placeOf(street.id), ambiguous: await placeOf(ambiguous.id) }).toEqual({
      street: { place: null, districtId: null, districtText: "Nordstraße 12" },
      ambiguous: { place: null, districtId: null, districtText: "Mitte" },
    });
  });

  it("never links a text to another municipality's district", async () => {
    const [here, there] = [await createMunicipality(), await createMunicipality()];
    const dialogue = await createDialogue({ municipalityId: here.id });
    await openDialogue(dialogue.id);
    const contribution = await legacy(dialogue.id, "Hafen");
    await saveDistrict(await staffOf(there.id), { municipalityId: there.id, names: { de: "Hafen" } });
    expect(await db.contribution.findUniqueOrThrow({ where: { id: contribution.id } })).toMatchObject({ districtId: null, districtText: "Hafen" });
    await expect(db.contribution.update({ where: { id: contribution.id }, data: { place: "DISTRICT", districtId: (await db.district.findFirstOrThrow({ where: { municipalityId: there.id } })).id } })).rejects.toThrow(/contribution_district_in_municipality/);
  });
});
