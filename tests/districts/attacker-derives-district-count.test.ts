// The attacker of decision 049: someone signed out collects everything they can read about a
// dialogue — the dialogue page's data with its district map and table, its list filtered by each
// district (with every other filter, order and page), every contribution's page, the open-data
// API, the results and the municipality's map — and tries to learn how many contributions name a
// district that fewer than 5 name. Joining surfaces (the list says "3" where the map says "few",
// the total minus the shown districts, a page that names the district) would give it away.
//
// The check is non-interference: worlds that differ only in how many of the same contributions
// name Altstadt (0, 1 or 4; the rest say "whole town", which is never shown or counted) must look
// exactly the same to the attacker. At 5 they must not: the district is then public, and the
// collection really does carry district counts.
import { describe, expect, it, vi } from "vitest";

// Request headers are a stand-in: the open-data rate limit reads the client address from them.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.49" }) }));

import { GET as contributionsRoute } from "@/app/api/v1/dialogues/[id]/contributions/route";
import { GET as resultsRoute } from "@/app/api/v1/dialogues/[id]/results/route";
import { GET as dialogueRoute } from "@/app/api/v1/dialogues/[id]/route";
import { getContribution } from "@/lib/contributions/get-contribution";
import { db } from "@/lib/db/client";
import { FEW_CONTRIBUTIONS } from "@/lib/districts/district-rules";
import { getDistrictMap } from "@/lib/districts/get-district-map";
import { loadDialoguePage } from "@/lib/pages/dialogue-page";
import { getDialogueResults } from "@/lib/results/get-dialogue-results";
import { createContribution, createDialogue, createDistrict, openDialogue } from "@/tests/support/factories";

type Json = unknown;
const SLOTS = FEW_CONTRIBUTIONS;

/**
 * A dialogue with Weststadt named by 6 needs (shown), `inAltstadt` of SLOTS further needs naming
 * Altstadt and the rest "whole town", and two that say nothing: the same contributions, in the
 * same order, with the same titles, whatever `inAltstadt` is.
 */
async function world(inAltstadt: number) {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
  const square = (x: number) => ({ type: "Polygon", coordinates: [[[x, 50.1], [x + 0.02, 50.1], [x + 0.02, 50.12], [x, 50.12], [x, 50.1]]] });
  const west = await createDistrict(municipality.id, { names: { de: "Weststadt", ar: "الحي الغربي" }, boundary: square(8.6), position: 0 });
  const old = await createDistrict(municipality.id, { names: { de: "Altstadt", ar: "المدينة القديمة" }, boundary: square(8.62), position: 1 });
  const ids: string[] = [];
  let number = 0;
  const add = async (place: { place: "DISTRICT"; districtId: string } | { place: "WHOLE_TOWN" | "NOT_SAID" }, kind: "NEED" | "PROPOSAL" = "NEED") => {
    number += 1;
    const contribution = await createContribution({ dialogueId: dialogue.id, kind, title: `Beitrag ${number}`, body: `Text ${number}`, language: "de", ...place });
    ids.push(contribution.id);
  };
  for (let i = 0; i < 6; i++) await add({ place: "DISTRICT", districtId: west.id }, i === 0 ? "PROPOSAL" : "NEED");
  for (let i = 0; i < SLOTS; i++) await add(i < inAltstadt ? { place: "DISTRICT", districtId: old.id } : { place: "WHOLE_TOWN" });
  await add({ place: "NOT_SAID" });
  await add({ place: "NOT_SAID" }, "PROPOSAL");
  return { dialogue, municipality, districts: { west: west.id, old: old.id }, ids };
}

type World = Awaited<ReturnType<typeof world>>;

async function getJson(route: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>, url: string, id: string): Promise<Json> {
  const response = await route(new Request(url), { params: Promise.resolve({ id }) });
  expect(response.status).toBe(200);
  return response.json();
}

async function allPages(dialogueId: string): Promise<Json[]> {
  const items: Json[] = [];
  let url: string | null = `https://mitreden.example/api/v1/dialogues/${dialogueId}/contributions?limit=4`;
  while (url) {
    const body = (await getJson(contributionsRoute, url, dialogueId)) as { data: Json[]; links: { next: string | null } };
    items.push(...body.data);
    url = body.links.next;
  }
  return items;
}

/** Everything a signed-out client reads about the world. */
async function collect({ dialogue, municipality, districts, ids }: World) {
  const slugs = { locale: "de", municipality: municipality.slug, dialogue: dialogue.slug };
  const queries: Record<string, string>[] = [{}, { kind: "NEED" }, { kind: "PROPOSAL" }, { sort: "newest" }, { sort: "supported" }];
  for (const district of [districts.west, districts.old]) {
    queries.push({ district }, { district, kind: "NEED" }, { district, kind: "PROPOSAL" }, { district, sort: "newest" }, { district, page: "2" }, { district, q: "Beitrag" });
  }
  const pages: Json[] = [];
  for (const query of queries) pages.push({ query, page: await loadDialoguePage(null, slugs, query) });
  const contributionPages: Json[] = [];
  for (const contributionId of ids) contributionPages.push(await getContribution({ contributionId, dialogueId: dialogue.id }, null));
  return {
    pages,
    contributionPages,
    api: {
      dialogue: await getJson(dialogueRoute, `https://mitreden.example/api/v1/dialogues/${dialogue.id}`, dialogue.id),
      contributions: await allPages(dialogue.id),
      results: await getJson(resultsRoute, `https://mitreden.example/api/v1/dialogues/${dialogue.id}/results`, dialogue.id),
    },
    results: await getDialogueResults(null, { dialogueId: dialogue.id }),
    dialogueMap: await getDistrictMap({ municipalityId: municipality.id, dialogueId: dialogue.id }),
    municipalityMap: await getDistrictMap({ municipalityId: municipality.id }),
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const UNIQUE = /[A-Za-z]+-\d+-[0-9a-f]{6}/g;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g;

/**
 * The collection with what differs between any two worlds by construction replaced: ids by their
 * order of appearance, the factories' unique names, instants, and keyset cursors (base64 of an
 * instant and an id). What is left is what the attacker could compare.
 */
function normalised(collection: Json): string {
  const ids = new Map<string, string>();
  const text = JSON.stringify(collection, (key, value: unknown) => {
    if (key === "cursors" || key === "cursor" || key === "after" || key === "before" || key === "next" || key === "prev") return undefined;
    if (value instanceof Date) return "<instant>";
    return value;
  });
  return text
    .replace(UUID, (id) => {
      if (!ids.has(id)) ids.set(id, `<id${ids.size}>`);
      return ids.get(id)!;
    })
    .replace(UNIQUE, "<unique>")
    .replace(INSTANT, "<instant>");
}

describe("an attacker who joins every public surface", () => {
  it(`cannot tell 0, 1 or ${FEW_CONTRIBUTIONS - 1} contributions naming a district apart; at ${FEW_CONTRIBUTIONS} they see it`, async () => {
    const seen = new Map<number, string>();
    for (const inAltstadt of [0, 1, FEW_CONTRIBUTIONS - 1, FEW_CONTRIBUTIONS]) seen.set(inAltstadt, normalised(await collect(await world(inAltstadt))));
    expect(seen.get(1)).toEqual(seen.get(0));
    expect(seen.get(FEW_CONTRIBUTIONS - 1)).toEqual(seen.get(0));
    expect(seen.get(FEW_CONTRIBUTIONS)).not.toEqual(seen.get(0));
  });

  it("reads \"few\" on the map and in its table, and no count in the list filtered by the district", async () => {
    const built = await world(FEW_CONTRIBUTIONS - 1);
    const slugs = { locale: "de", municipality: built.municipality.slug, dialogue: built.dialogue.slug };
    const filtered = await loadDialoguePage(null, slugs, { district: built.districts.old });
    expect(filtered?.districts.find((district) => district.id === built.districts.old)).toMatchObject({ contributions: null, needs: null, shade: "few" });
    expect(filtered?.contributions).toMatchObject({ total: 0, pageCount: 1, items: [] });
    // The shown district's count and the whole list's total do not subtract to it either: the
    // "whole town" and "not said" contributions are in the total, never counted apart.
    const whole = await loadDialoguePage(null, slugs, {});
    const shownSum = whole!.districts.reduce((sum, district) => sum + (district.contributions ?? 0), 0);
    expect(whole!.contributions.total - shownSum).toBe(SLOTS + 2);
  });
});
