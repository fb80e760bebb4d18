// A civic-tech volunteer reads the open-data API from a script of their own: municipalities,
// then a dialogue's contributions page by page by following `links.next`, its responses and
// results, and the OpenAPI description. No personal data, drafts not published, open to any origin.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";

type Paged = { data: Record<string, unknown>[]; links: { next: string | null } };

test("the open-data API pages through public data without personal data", async ({ request }) => {
  const municipalities = await request.get("/api/v1/municipalities", { headers: { Origin: "https://example.org" } });
  expect(municipalities.status()).toBe(200);
  expect(municipalities.headers()["access-control-allow-origin"]).toBe("*");
  expect(municipalities.headers()["cache-control"]).toContain("public");
  const { data: [musterstadt] } = (await municipalities.json()) as Paged;
  expect(musterstadt).toMatchObject({ slug: "musterstadt" });

  const dialogues = (await (await request.get("/api/v1/municipalities/musterstadt/dialogues")).json()) as Paged;
  const slugs = dialogues.data.map((dialogue) => dialogue.slug);
  expect(slugs).toContain(DIALOGUES.deliberating.slug);
  expect(slugs).not.toContain(DIALOGUES.draft.slug);
  const deliberating = dialogues.data.find((dialogue) => dialogue.slug === DIALOGUES.deliberating.slug)!;

  // Page by page, following the next links.
  const seen: Record<string, unknown>[] = [];
  let next: string | null = `/api/v1/dialogues/${String(deliberating.id)}/contributions?limit=3`;
  while (next) {
    const page = (await (await request.get(next)).json()) as Paged;
    expect(page.data.length).toBeLessThanOrEqual(3);
    seen.push(...page.data);
    next = page.links.next;
  }
  expect(seen.length).toBeGreaterThan(3);
  expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
  const body = JSON.stringify(seen);
  for (const account of DEMO_ACCOUNTS) {
    expect(body).not.toContain(account.signInCode);
    if (account.email) expect(body).not.toContain(account.email);
  }
  for (const contribution of seen) expect(contribution).not.toHaveProperty("authorId");

  expect((await request.get(`/api/v1/dialogues/${String(deliberating.id)}/responses`)).status()).toBe(200);
  const results = await request.get(`/api/v1/dialogues/${String(deliberating.id)}/results`);
  expect(results.status()).toBe(200);
  expect(((await results.json()) as { data: { supports: { byPerspective: { perspective: string }[] } } }).data.supports.byPerspective[0]).toMatchObject({
    perspective: "LIVED_EXPERIENCE",
  });

  expect((await request.get("/api/v1/dialogues/not-a-dialogue")).status()).toBe(404);
  expect((await request.get(`/api/v1/dialogues/${String(deliberating.id)}/contributions?limit=1000`)).status()).toBe(422);

  const openapi = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(openapi.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.paths)).toContain("/api/v1/dialogues/{id}/contributions");
  const schema = (await (await request.get("/api/v1/schemas/export.json")).json()) as { properties: Record<string, unknown> };
  expect(Object.keys(schema.properties)).toContain("supports");
});
