// `npm run districts:link` (scripts/link-district-texts.ts), run as an operator runs it after an
// upgrade, against this file's own Postgres: it links every municipality's old free-text district
// values that name exactly one of its districts, leaves the rest private to their authors, says
// how many of each, and changes nothing when run again (decision 049).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createContribution, createDialogue, createDistrict } from "@/tests/support/factories";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

async function districtsLink(): Promise<string> {
  const { stdout } = await run("npm", ["run", "--silent", "districts:link"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
  });
  return stdout;
}

const placeOf = (id: string) => db.contribution.findUniqueOrThrow({ where: { id }, select: { place: true, districtId: true, districtText: true } });

describe("npm run districts:link", () => {
  it("is the script an operator is told to run", () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["districts:link"]).toBe("tsx scripts/link-district-texts.ts");
  });

  it("links matching free-text values in every municipality, keeps the others, and is safe to run again", async () => {
    const west = await createDialogue();
    const east = await createDialogue();
    const weststadt = await createDistrict(west.municipalityId, { names: { de: "Weststadt", ar: "الحي الغربي" } });
    const lindenweg = await createDistrict(east.municipalityId, { names: { de: "Am Lindenweg" } });
    // Two districts of one municipality share a name in different languages: a text naming it is ambiguous.
    await createDistrict(east.municipalityId, { names: { de: "Mitte" } });
    await createDistrict(east.municipalityId, { names: { de: "Hafen", en: "Mitte" } });
    const text = (dialogueId: string, districtText: string) => createContribution({ dialogueId, districtText, place: null, districtId: null });

    const spaced = await text(west.id, "  weststadt ");
    const arabic = await text(west.id, "الحي الغربي");
    const unmatched = await text(west.id, "Nordstraße");
    // Another municipality's district of that name is not this one's.
    const elsewhere = await text(east.id, "Weststadt");
    const lindenwegText = await text(east.id, "am   LINDENWEG");
    const ambiguous = await text(east.id, "Mitte");
    const chosen = await createContribution({ dialogueId: west.id, place: "WHOLE_TOWN", districtId: null, districtText: null });

    expect(await districtsLink()).toContain("Linked 3 contributions to their district; 3 free-text values match no district and stay private to their authors.");

    expect(await placeOf(spaced.id)).toEqual({ place: "DISTRICT", districtId: weststadt.id, districtText: null });
    expect(await placeOf(arabic.id)).toEqual({ place: "DISTRICT", districtId: weststadt.id, districtText: null });
    expect(await placeOf(lindenwegText.id)).toEqual({ place: "DISTRICT", districtId: lindenweg.id, districtText: null });
    expect(await placeOf(unmatched.id)).toEqual({ place: null, districtId: null, districtText: "Nordstraße" });
    expect(await placeOf(elsewhere.id)).toEqual({ place: null, districtId: null, districtText: "Weststadt" });
    expect(await placeOf(ambiguous.id)).toEqual({ place: null, districtId: null, districtText: "Mitte" });
    expect(await placeOf(chosen.id)).toEqual({ place: "WHOLE_TOWN", districtId: null, districtText: null });

    const before = await db.contribution.findMany({ orderBy: { id: "asc" }, select: { id: true, place: true, districtId: true, districtText: true, updatedAt: true } });
    expect(await districtsLink()).toContain("Linked 0 contributions to their district; 3 free-text values match no district and stay private to their authors.");
    expect(await db.contribution.findMany({ orderBy: { id: "asc" }, select: { id: true, place: true, districtId: true, districtText: true, updatedAt: true } })).toEqual(before);
  });
});
