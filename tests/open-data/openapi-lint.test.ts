// The served OpenAPI description is held to a well-kept linter's recommended rules (Redocly's
// `recommended` set: servers, security, 4xx answers, operation ids …) — any error fails — and
// what every operation really answers is validated against the schema the description gives
// for that answer, with the JSON Schema 2020-12 validator Redocly itself uses.
import Ajv2020 from "@redocly/ajv/dist/2020";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { beforeAll, describe, expect, it, vi } from "vitest";

const PUBLIC_URL = "https://mitreden.example";
process.env.PUBLIC_URL = PUBLIC_URL;
// A fresh address per run: the open-data rate limit counts per address (lib/auth/client-address.ts).
const address = vi.hoisted(() => `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": address }) }));

import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getExportSchema } from "@/app/api/v1/schemas/export.json/route";
import { GET as listMunicipalities } from "@/app/api/v1/municipalities/route";
import { GET as listDialogues } from "@/app/api/v1/municipalities/[slug]/dialogues/route";
import { GET as getDialogue } from "@/app/api/v1/dialogues/[id]/route";
import { GET as listContributions } from "@/app/api/v1/dialogues/[id]/contributions/route";
import { GET as listResponses } from "@/app/api/v1/dialogues/[id]/responses/route";
import { GET as getResults } from "@/app/api/v1/dialogues/[id]/results/route";
import { GET as listPolls } from "@/app/api/v1/dialogues/[id]/polls/route";
import { OPEN_DATA_PATHS } from "@/lib/open-data/openapi";
import { CACHE_CONTROL, HIDEABLE_CACHE_CONTROL } from "@/lib/open-data/api-route";
import { createActor, createContribution, createDialogue, createMunicipality, createUser, openDialogue, respond, unique } from "@/tests/support/factories";

import { answerPoll } from "@/lib/polls/answer-poll";
import { participant } from "@/tests/support/participation";
import { closeNow, pollIn } from "@/tests/support/polls";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type Call = { handler: Handler; path: string; params: Record<string, string>; query?: string };
type OpenApi = {
  servers: { url: string }[];
  paths: Record<string, { get: { operationId: string; security?: unknown[]; responses: Record<string, { content?: { "application/json": { schema: object } } }> } }>;
  components: { schemas: Record<string, object> };
};

async function call({ handler, path, params, query = "" }: Call): Promise<Response> {
  const url = `http://internal:3000${path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!)}${query}`;
  return handler(new Request(url), { params: Promise.resolve(params as never) });
}

let document: OpenApi;
let calls: Record<string, Call>;
/** Everything of the dialogue that the moderation can hide: its contributions' titles and texts, and the answers to them. */
let hideable: string[];

beforeAll(async () => {
  const municipality = await createMunicipality();
  const dialogue = await createDialogue({ municipalityId: municipality.id });
  await openDialogue(dialogue.id);
  const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
  const contributions = [];
  for (let index = 0; index < 3; index += 1) contributions.push(await createContribution({ dialogueId: dialogue.id, authorId: author.id, title: unique("Bedarf") }));
  const actor = await createActor({ municipalityId: municipality.id });
  const response = await respond(contributions[0]!.id, { status: "PLANNED", actorId: actor.id, decidedBy: "Integrationsbeirat", body: unique("Antwort des Fachdiensts") });
  hideable = [...contributions.flatMap((contribution) => [contribution.title, contribution.body]), response.body];

  // Quick polls: one open, one closed with a group shown and one too small to show.
  const closedPoll = await pollIn(dialogue);
  await pollIn(dialogue, { choice: "MULTIPLE" });
  for (const perspective of ["LOCAL_ACTOR", "LOCAL_ACTOR", "LOCAL_ACTOR", "LOCAL_ACTOR", "LOCAL_ACTOR", "LIVED_EXPERIENCE"] as const) {
    await answerPoll(await participant(dialogue.id, perspective), { pollId: closedPoll.id, optionIds: [closedPoll.options[0]!.id] });
  }
  await closeNow(closedPoll.id);

  const id = { id: dialogue.id };
  calls = {
    getOpenApi: { handler: getOpenApi as Handler, path: "/api/v1/openapi.json", params: {} },
    getExportSchema: { handler: getExportSchema as Handler, path: "/api/v1/schemas/export.json", params: {} },
    listMunicipalities: { handler: listMunicipalities as Handler, path: "/api/v1/municipalities", params: {}, query: "?limit=1" },
    listDialogues: { handler: listDialogues as Handler, path: "/api/v1/municipalities/{slug}/dialogues", params: { slug: municipality.slug } },
    getDialogue: { handler: getDialogue as Handler, path: "/api/v1/dialogues/{id}", params: id },
    listContributions: { handler: listContributions as Handler, path: "/api/v1/dialogues/{id}/contributions", params: id, query: "?limit=2" },
    listResponses: { handler: listResponses as Handler, path: "/api/v1/dialogues/{id}/responses", params: id },
    getResults: { handler: getResults as Handler, path: "/api/v1/dialogues/{id}/results", params: id },
    listPolls: { handler: listPolls as Handler, path: "/api/v1/dialogues/{id}/polls", params: id },
  };
  const served = await call(calls.getOpenApi!);
  expect(served.status).toBe(200);
  document = (await served.json()) as OpenApi;
});

describe("the served OpenAPI description", () => {
  it("passes Redocly's recommended rules without an error or a warning", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: `${PUBLIC_URL}/api/v1/openapi.json`, config });
    const found = problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? ""}`);
    expect(found).toEqual([]);
  });

  it("names the public origin as its server and asks no credentials of any operation", () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: PUBLIC_URL })]);
    const operations = Object.entries(document.paths);
    expect(operations.map(([path, { get }]) => ({ path, security: get.security, limits: ["429", "503"].filter((status) => status in get.responses) }))).toEqual(
      operations.map(([path]) => ({ path, security: [], limits: ["429", "503"] })),
    );
  });
});

describe("what every operation answers", () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const validate = (schema: object, answer: unknown) => {
    const check = ajv.compile({ $defs: {}, ...schema, components: document.components });
    const ok = check(answer);
    return ok ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
  // $refs in the document point at #/components/schemas/…: compile each answer's schema beside them.
  const schemaFor = (path: string, status: string) => {
    const schema = document.paths[path]!.get.responses[status]?.content?.["application/json"].schema;
    if (!schema) throw new Error(`${path} documents no JSON answer for ${status}`);
    return schema;
  };

  it("has a real request for every documented operation", () => {
    expect(Object.keys(calls).sort()).toEqual(Object.values(OPEN_DATA_PATHS).map(({ get }) => get.operationId).sort());
  });

  it.each(Object.entries(OPEN_DATA_PATHS).map(([path, { get }]) => [get.operationId, path] as const))(
    "%s: its 200 answer matches the documented schema",
    async (operationId, path) => {
      const response = await call(calls[operationId]!);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { data?: unknown[]; links?: { next: string | null } };
      expect(validate(schemaFor(path, "200"), answer)).toEqual([]);
      // Paged answers link on the public origin, whatever address the request came in on.
      if (answer.links?.next) expect(answer.links.next.startsWith(`${PUBLIC_URL}/api/v1/`)).toBe(true);
    },
  );

  // A contribution hidden by the moderation leaves the answers at once, and with it its photos and
  // the town's answers to it; its title, text or a photo's description must not stay in shared
  // caches for minutes after (decisions 012, 055): no stale copy of an answer that carries any.
  it.each(Object.entries(OPEN_DATA_PATHS).map(([, { get }]) => get.operationId))(
    "%s: is cached briefly, never served stale where it carries a contribution's text, an answer to one or photos",
    async (operationId) => {
      const response = await call(calls[operationId]!);
      const answer: unknown = await response.json();
      const hasPhotos = (value: unknown): boolean =>
        Array.isArray(value) ? value.some(hasPhotos) : typeof value === "object" && value !== null && Object.entries(value).some(([key, inner]) => (key === "photos" && Array.isArray(inner)) || hasPhotos(inner));
      const carriesText = (value: unknown): boolean =>
        typeof value === "string" ? hideable.some((text) => value.includes(text)) : typeof value === "object" && value !== null && Object.values(value).some(carriesText);
      const cacheControl = response.headers.get("cache-control");
      if (hasPhotos(answer) || carriesText(answer)) {
        expect(cacheControl).toBe(HIDEABLE_CACHE_CONTROL);
        expect(cacheControl).not.toContain("stale-while-revalidate");
        expect(cacheControl).toContain("must-revalidate");
        expect(Number(/max-age=(\d+)/.exec(cacheControl!)![1])).toBeLessThanOrEqual(30);
      } else {
        expect(cacheControl).toBe(CACHE_CONTROL);
      }
      // Where the check above must have found something: the contributions (titles, texts and an
      // empty list of photos) and the responses (the answer's text).
      if (operationId === "listContributions" || operationId === "listResponses") {
        expect(carriesText(answer), `${operationId} carries the seeded texts`).toBe(true);
        expect(cacheControl).toBe(HIDEABLE_CACHE_CONTROL);
      }
    },
  );

  it.each([
    ["getDialogue", "404", { id: "00000000-0000-7000-8000-000000000000" }, ""],
    ["listContributions", "422", undefined, "?limit=1000"],
  ] as const)("%s: its %s answer matches the shared Error schema", async (operationId, status, params, query) => {
    const base = calls[operationId]!;
    const response = await call({ ...base, params: params ?? base.params, query });
    expect(String(response.status)).toBe(status);
    const path = Object.entries(OPEN_DATA_PATHS).find(([, { get }]) => get.operationId === operationId)![0];
    expect(validate(schemaFor(path, status), await response.json())).toEqual([]);
  });
});
