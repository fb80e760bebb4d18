// Staff delete a district and put districts in order (decision 049), only their own
// municipality's staff. A deleted district's contributions say "not said" afterwards — never
// another district, never lost; the order is numbered afresh on every move, also when two staff
// move at once; editing a district keeps its place and a new one goes last.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countDistrictContributions, deleteDistrict } from "@/lib/districts/delete-district";
import { listDistricts } from "@/lib/districts/list-districts";
import { moveDistrict } from "@/lib/districts/move-district";
import { saveDistrict } from "@/lib/districts/save-district";
import type { Viewer } from "@/lib/policy/policy";
import { createContribution, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";
import { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";

async function staffOf(municipalityId: string, role: "STAFF" | "MODERATOR" = "STAFF") {
  const user = await createUser();
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role } });
  return viewerOf(user.id);
}

async function town(...names: string[]) {
  const municipality = await createMunicipality();
  const staff = await staffOf(municipality.id);
  const ids: string[] = [];
  for (const name of names) ids.push((await saveDistrict(staff, { municipalityId: municipality.id, names: { de: name } })).id);
  return { municipalityId: municipality.id, staff, ids };
}

const orderOf = async (municipalityId: string) => (await db.district.findMany({ where: { municipalityId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] })).map((d) => (d.names as { de: string }).de);

const outsiders: [string, (municipalityId: string) => Promise<Viewer | null>][] = [
  ["a moderator of the municipality", (municipalityId) => staffOf(municipalityId, "MODERATOR")],
  ["another municipality's staff", async () => staffOf((await createMunicipality()).id)],
  ["a participant", async () => viewerOf((await createUser()).id)],
  ["someone signed out", async () => null],
];

describe("deleteDistrict", () => {
  it("deletes the district; its contributions now say \"not said\", others keep theirs", async () => {
    const { municipalityId, staff, ids } = await town("Weststadt", "Altstadt");
    const [west, old] = ids as [string, string];
    const dialogue = await createDialogue({ municipalityId });
    await openDialogue(dialogue.id);
    const named = await createContribution({ dialogueId: dialogue.id, place: "DISTRICT", districtId: west });
    const hidden = await createContribution({ dialogueId: dialogue.id, place: "DISTRICT", districtId: west, hiddenAt: new Date(), hiddenCategory: "SPAM" });
    const elsewhere = await createContribution({ dialogueId: dialogue.id, place: "DISTRICT", districtId: old });
    const wholeTown = await createContribution({ dialogueId: dialogue.id, place: "WHOLE_TOWN" });

    expect(await countDistrictContributions(staff, { municipalityId, districtId: west })).toBe(2);
    expect(await deleteDistrict(staff, { municipalityId, districtId: west, confirm: true })).toEqual({ unnamed: 2 });

    expect(await db.district.findUnique({ where: { id: west } })).toBeNull();
    const place = async (id: string) => db.contribution.findUniqueOrThrow({ where: { id }, select: { place: true, districtId: true } });
    expect(await place(named.id)).toEqual({ place: "NOT_SAID", districtId: null });
    expect(await place(hidden.id)).toEqual({ place: "NOT_SAID", districtId: null });
    expect(await place(elsewhere.id)).toEqual({ place: "DISTRICT", districtId: old });
    expect(await place(wholeTown.id)).toEqual({ place: "WHOLE_TOWN", districtId: null });
    expect(await orderOf(municipalityId)).toEqual(["Altstadt"]);
  });

  it("asks for the ticked confirmation, at its field, and deletes nothing without it", async () => {
    const { municipalityId, staff, ids } = await town("Nordstadt");
    const error = await appErrorOf(deleteDistrict(staff, { municipalityId, districtId: ids[0]!, confirm: undefined as unknown as true }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "confirm")).toContain("validation.required");
    expect(await db.district.count({ where: { municipalityId } })).toBe(1);
  });

  it.each(outsiders)("refuses %s", async (_who, make) => {
    const { municipalityId, ids } = await town("Hafen");
    const viewer = await make(municipalityId);
    expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain((await appErrorOf(deleteDistrict(viewer, { municipalityId, districtId: ids[0]!, confirm: true }))).code);
    expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain((await appErrorOf(countDistrictContributions(viewer, { municipalityId, districtId: ids[0]! }))).code);
    expect(await db.district.count({ where: { municipalityId } })).toBe(1);
  });

  it("does not delete another municipality's district through one's own", async () => {
    const mine = await town("Mitte");
    const theirs = await town("Hafen");
    expect((await appErrorOf(deleteDistrict(mine.staff, { municipalityId: mine.municipalityId, districtId: theirs.ids[0]!, confirm: true }))).code).toBe("NOT_FOUND");
    expect(await db.district.count({ where: { id: theirs.ids[0]! } })).toBe(1);
  });
});

describe("moveDistrict", () => {
  it("moves a district up and down; the first up and the last down change nothing", async () => {
    const { municipalityId, staff, ids } = await town("A", "B", "C");
    expect(await orderOf(municipalityId)).toEqual(["A", "B", "C"]);
    await moveDistrict(staff, { municipalityId, districtId: ids[2]!, direction: "up" });
    expect(await orderOf(municipalityId)).toEqual(["A", "C", "B"]);
    await moveDistrict(staff, { municipalityId, districtId: ids[0]!, direction: "down" });
    expect(await orderOf(municipalityId)).toEqual(["C", "A", "B"]);
    await moveDistrict(staff, { municipalityId, districtId: ids[2]!, direction: "up" });
    await moveDistrict(staff, { municipalityId, districtId: ids[1]!, direction: "down" });
    expect(await orderOf(municipalityId)).toEqual(["C", "A", "B"]);
    expect((await db.district.findMany({ where: { municipalityId }, orderBy: { position: "asc" } })).map((d) => d.position)).toEqual([0, 1, 2]);
    // The pages read the same order.
    expect((await listDistricts(municipalityId)).map((d) => d.names.de)).toEqual(["C", "A", "B"]);
  });

  it("keeps a district's place when it is edited, and puts a new one last", async () => {
    const { municipalityId, staff, ids } = await town("A", "B");
    await moveDistrict(staff, { municipalityId, districtId: ids[1]!, direction: "up" });
    await saveDistrict(staff, { municipalityId, districtId: ids[1]!, names: { de: "B2" } });
    await saveDistrict(staff, { municipalityId, names: { de: "C" } });
    expect(await orderOf(municipalityId)).toEqual(["B2", "A", "C"]);
  });

  it("counts two moves at once, one after the other, and never gives two districts one place", async () => {
    const { municipalityId, staff, ids } = await town("A", "B", "C", "D");
    // B down and C up: one after the other gives C A B D or A C D B; both read at once and
    // written blindly would give A C B D, one move lost.
    await Promise.all([
      moveDistrict(staff, { municipalityId, districtId: ids[1]!, direction: "down" }),
      moveDistrict(staff, { municipalityId, districtId: ids[2]!, direction: "up" }),
    ]);
    expect([["C", "A", "B", "D"], ["A", "C", "D", "B"]]).toContainEqual(await orderOf(municipalityId));
    expect(new Set((await db.district.findMany({ where: { municipalityId } })).map((d) => d.position)).size).toBe(4);
  });

  it.each(outsiders)("refuses %s", async (_who, make) => {
    const { municipalityId, ids } = await town("A", "B");
    const viewer = await make(municipalityId);
    expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain((await appErrorOf(moveDistrict(viewer, { municipalityId, districtId: ids[1]!, direction: "up" }))).code);
    expect(await orderOf(municipalityId)).toEqual(["A", "B"]);
  });
});
