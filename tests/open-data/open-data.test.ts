// The open-data API's domain: public data of published dialogues only, no personal data, paged
// with a cursor; the OpenAPI document lists exactly the routes that exist.
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { paged } from "@/lib/open-data/api-route";
import { getOpenDialogue } from "@/lib/open-data/get-open-dialogue";
import { getOpenResults } from "@/lib/open-data/get-open-results";
import { listOpenContributions } from "@/lib/open-data/list-open-contributions";
import { listOpenDialogues } from "@/lib/open-data/list-open-dialogues";
import { listOpenMunicipalities } from "@/lib/open-data/list-open-municipalities";
import { listOpenResponses } from "@/lib/open-data/list-open-responses";
import { exportJsonSchema, openApiDocument, OPEN_DATA_PATHS } from "@/lib/open-data/openapi";
import type { Page } from "@/lib/open-data/page";
import {
  contributionSchema,
  dialogueDetailSchema,
  dialogueSchema,
  municipalitySchema,
  one,
  pageOf,
  responseSchema,
  resultsSchema,
} from "@/lib/open-data/schemas";
import { RECORD_TYPE_KEYS, RECORD_TYPES } from "@/lib/exports/definition";
import { createActor, createComment, createContribution, createDialogue, createMunicipality, createUser, openDialogue, respond, unique } from "@/tests/support/factories";
import { appErrorOf } from "@/tests/support/viewers";

// Behind a reverse proxy the request names the app's internal address; links use the public one.
process.env.PUBLIC_URL = "https://mitreden.example";
const request = (url = "http://internal:3000/api/v1/x?limit=2") => new Request(url);
/** What a client receives: the page as JSON, parsed back. */
const wire = <T>(page: Page<T>) => JSON.parse(JSON.stringify(paged(request(), page))) as unknown;

let municipalitySlug: string;
let dialogueId: string;
let draftId: string;
const author = { id: "", name: "", email: "" };
const visibleTitles: string[] = [];
let hiddenTitle: string;
let withdrawnTitle: string;

beforeAll(async () => {
  const municipality = await createMunicipality();
  municipalitySlug = municipality.slug;
  const dialogue = await createDialogue({ municipalityId: municipality.id });
  dialogueId = dialogue.id;
  await openDialogue(dialogueId);
  draftId = (await createDialogue({ municipalityId: municipality.id })).id;

  author.name = unique("Autorin");
  author.email = `${unique("autorin")}@example.org`;
  // Opted in to exports: the API still never names anyone.
  const user = await createUser({
    displayName: author.name,
    email: author.email,
    perspective: "LIVED_EXPERIENCE",
    showNameInExports: true,
    showPerspective: true,
  });
  author.id = user.id;
  for (let index = 0; index < 5; index += 1) {
    const contribution = await createContribution({ dialogueId, authorId: user.id, title: unique("Sichtbar") });
    visibleTitles.push(contribution.title);
  }
  const [first] = await db.contribution.findMany({ where: { dialogueId }, orderBy: { id: "asc" }, take: 1 });
  if (!first) throw new Error("no contribution");
  // Nobody supports their own contribution (decision 024): the support comes from someone else.
  const supporter = await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: true });
  await db.support.create({ data: { contributionId: first.id, userId: supporter.id, perspective: "LIVED_EXPERIENCE" } });
  await createComment({ contributionId: first.id, authorId: user.id });
  const actor = await createActor({ municipalityId: municipality.id });
  await respond(first.id, { status: "PLANNED", actorId: actor.id, decidedBy: "Integrationsbeirat" });

  hiddenTitle = unique("Versteckt");
  const hidden = await createContribution({ dialogueId, authorId: user.id, title: hiddenTitle, hiddenAt: new Date(), hiddenCategory: "SPAM" });
  await respond(hidden.id, { status: "DECLINED" });
  withdrawnTitle = unique("Zurueckgezogen");
  await createContribution({ dialogueId, authorId: user.id, title: withdrawnTitle, withdrawnAt: new Date() });
});

async function all<T extends { id: string }>(list: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await list(cursor);
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

describe("pagination", () => {
  it("follows the cursor through every row once, in pages of the limit", async () => {
    const first = await listOpenContributions({ dialogueId, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const items = await all((cursor) => listOpenContributions({ dialogueId, limit: 2, cursor }));
    expect(items.map((item) => item.title).sort()).toEqual([...visibleTitles].sort());
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it("the next link keeps the query and carries the cursor; the last page has none", async () => {
    const page = await listOpenContributions({ dialogueId, limit: 2 });
    const body = paged(request(), page);
    expect(body.links.next).toBe(`https://mitreden.example/api/v1/x?limit=2&cursor=${page.nextCursor}`);
    expect(paged(request(), { items: [], nextCursor: null }).links.next).toBeNull();
  });

  it("refuses a limit above the maximum and a cursor that is no id", async () => {
    expect((await appErrorOf(listOpenContributions({ dialogueId, limit: 101 }))).code).toBe("INVALID_INPUT");
    expect((await appErrorOf(listOpenContributions({ dialogueId, cursor: "1 OR 1=1" }))).code).toBe("INVALID_INPUT");
  });

  it("lists every municipality once", async () => {
    const items = await all((cursor) => listOpenMunicipalities({ limit: 1, cursor }));
    expect(items).toHaveLength(await db.municipality.count());
    expect(items.map((m) => m.slug)).toContain(municipalitySlug);
  });
});

describe("public data only", () => {
  it("contributions: no personal data fields, nothing of the author anywhere", async () => {
    const body = wire(await listOpenContributions({ dialogueId }));
    const parsed = pageOf(contributionSchema).parse(body);
    const fields = ["body", "createdAt", "district", "id", "kind", "language", "meetingId", "perspective", "photos", "source", "status", "supports", "theme", "title"];
    expect(parsed.data.map((item) => Object.keys(item).sort())).toEqual(parsed.data.map(() => fields));
    const text = JSON.stringify(body);
    expect([author.id, author.name, author.email].filter((secret) => text.includes(secret))).toEqual([]);
    const supported = parsed.data.find((item) => item.supports.some((s) => s.online > 0));
    expect(supported?.supports.map((s) => s.perspective)).toEqual(["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"]);
    expect(supported?.perspective).toBe("LIVED_EXPERIENCE");
  });

  it("hidden and withdrawn contributions, and responses to them, stay out", async () => {
    const contributions = JSON.stringify(await all((cursor) => listOpenContributions({ dialogueId, cursor })));
    expect(contributions).not.toContain(hiddenTitle);
    expect(contributions).not.toContain(withdrawnTitle);
    const responses = await all((cursor) => listOpenResponses({ dialogueId, cursor }));
    expect(responses.map((r) => r.status)).toEqual(["PLANNED"]);
  });

  it("responses: the deciding body and actor, not the writer's account", async () => {
    const body = wire(await listOpenResponses({ dialogueId }));
    const parsed = pageOf(responseSchema).parse(body);
    expect(parsed.data[0]).toMatchObject({ decidedBy: "Integrationsbeirat", actor: { kind: "INITIATIVE" } });
    expect(Object.keys(parsed.data[0] ?? {})).not.toContain("authorId");
  });

  it("drafts are not published: not listed", async () => {
    const dialogues = await all((cursor) => listOpenDialogues({ municipalitySlug, cursor }));
    expect(dialogues.map((d) => d.id)).toEqual([dialogueId]);
    pageOf(dialogueSchema).parse(wire(await listOpenDialogues({ municipalitySlug })));
  });

  it.each([
    ["a draft by id", () => getOpenDialogue({ dialogueId: draftId })],
    ["a draft's contributions", () => listOpenContributions({ dialogueId: draftId })],
    ["a draft's responses", () => listOpenResponses({ dialogueId: draftId })],
    ["a draft's results", () => getOpenResults({ dialogueId: draftId })],
    ["a dialogue id that is no id", () => getOpenDialogue({ dialogueId: "not-an-id" })],
    ["an unknown municipality's dialogues", () => listOpenDialogues({ municipalitySlug: "nowhere-to-be-found" })],
  ] as const)("finds nothing for %s (NOT_FOUND)", async (_scenario, call) => {
    expect((await appErrorOf(call())).code).toBe("NOT_FOUND");
  });

  it("a dialogue and its results as the schemas say, without its creator", async () => {
    const dialogue = JSON.parse(JSON.stringify({ data: await getOpenDialogue({ dialogueId }) })) as unknown;
    one(dialogueDetailSchema).parse(dialogue);
    expect(JSON.stringify(dialogue)).not.toContain("createdById");
    const results = JSON.parse(JSON.stringify({ data: await getOpenResults({ dialogueId }) })) as unknown;
    const parsed = one(resultsSchema).parse(results);
    expect(parsed.data.contributions.needs).toBe(visibleTitles.length);
    municipalitySchema.parse(JSON.parse(JSON.stringify((await listOpenMunicipalities({})).items[0])));
  });
});

describe("the OpenAPI document", () => {
  it.each(Object.keys(OPEN_DATA_PATHS))("lists %s, which a route under app/api/v1 serves", (route) => {
    const file = path.join(process.cwd(), "app", route.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
    expect(existsSync(file), file).toBe(true);
  });

  it("is OpenAPI 3.1 and its references and schemas hold together", async () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    // Every $ref points at a schema the document has.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(5);
    const schemas = Object.keys(document.components.schemas);
    expect(refs.filter((name) => !schemas.includes(name!)), "references to missing schemas").toEqual([]);
    // Generated from the same zod schemas: the contribution has no author field.
    const contribution = document.components.schemas.Contribution as { properties: Record<string, unknown> };
    expect(Object.keys(contribution.properties)).not.toContain("authorId");
    expect(z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }).safeParse(document).success).toBe(true);
  });

  it.each(RECORD_TYPE_KEYS)("the export's JSON schema has the declared columns of %s, a coded one with its label", (key) => {
    const schema = exportJsonSchema() as unknown as { properties: Record<string, { items: { required: string[] } }> };
    expect(schema.properties[key]?.items.required).toEqual(
      RECORD_TYPES[key].columns.flatMap((column) => (column.code ? [column.key, `${column.key}Label`] : [column.key])),
    );
  });

  it("the export's JSON schema codes a contribution's kind with its label and counts its supports", () => {
    const schema = exportJsonSchema() as unknown as { properties: Record<string, { items: { required: string[] } }> };
    expect(schema.properties.contributions?.items.required).toEqual(expect.arrayContaining(["kind", "kindLabel", "supportTotal"]));
  });
});
