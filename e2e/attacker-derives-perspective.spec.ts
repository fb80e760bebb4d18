// The attacker of issue 12, finding 1, over real HTTP against the seeded demo: a signed-out
// script reads the open-data API, every contribution's page and the dialogue's list in its
// default order, and tries to name the perspective of people who keep it private (the seed
// has several). The domain-level attacker, with exports and a non-interference check, is
// tests/contributions/attacker-derives-perspective.test.ts; decision 024.
import { expect, test } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { PEOPLE } from "../prisma/seed/people";

type Paged = { data: Record<string, unknown>[]; links: { next: string | null } };

const people = Object.values(PEOPLE) as { displayName: string; perspective: string; showPerspective: boolean }[];
const privatePeople = people.filter((person) => !person.showPerspective && person.perspective !== "NOT_STATED");
const shown = new Map(people.filter((person) => person.showPerspective).map((person) => [person.displayName, person.perspective]));
const labels = Object.values(en.perspectives);

// A script reads the HTML the server sends: no JavaScript runs in its pages, and none has to load
// (the test's page loads took 38 s with JavaScript, 16 s without; decision 060).
test.use({ javaScriptEnabled: false });

test("nobody who keeps their perspective private can be named with it", async ({ request, page }) => {
  test.setTimeout(240_000);
  expect(privatePeople.length).toBeGreaterThan(0);
  const derived = new Map<string, Set<string>>();
  const pin = (name: string | undefined, perspective: unknown) => {
    if (name && typeof perspective === "string") derived.set(name, (derived.get(name) ?? new Set()).add(perspective));
  };
  let privateItemsSeen = 0;

  const { data: municipalities } = (await (await request.get("/api/v1/municipalities")).json()) as Paged;
  for (const municipality of municipalities) {
    const { data: dialogues } = (await (await request.get(`/api/v1/municipalities/${String(municipality.slug)}/dialogues`)).json()) as Paged;
    for (const dialogue of dialogues) {
      const items: Record<string, unknown>[] = [];
      for (let next: string | null = `/api/v1/dialogues/${String(dialogue.id)}/contributions?limit=100`; next; ) {
        const body = (await (await request.get(next)).json()) as Paged;
        items.push(...body.data);
        next = body.links.next;
      }
      const base = `/en/${String(municipality.slug)}/${String(dialogue.slug)}`;

      // Each contribution's page: the name in its author line, and what that line says beside it.
      const nameOf = new Map<string, string>();
      for (const item of items) {
        await page.goto(`${base}/c/${String(item.id)}`);
        // The author line is a paragraph of the contribution's own article (comments are apart).
        const line = page.locator('article[aria-labelledby="contribution-title"] > p', { has: page.locator("bdi") }).first();
        if ((await line.count()) === 0) continue; // a voice recorded offline: no name
        const name = (await line.locator("bdi").first().textContent())?.trim() ?? "";
        nameOf.set(String(item.id), name);
        const text = (await line.textContent()) ?? "";
        const person = privatePeople.find((p) => p.displayName === name);
        if (person) {
          privateItemsSeen += 1;
          for (const label of labels) expect(text, `${name}'s author line`).not.toContain(label);
        }
        // The open-data API's value for the same id.
        pin(name, item.perspective);
      }

      // The list in its default order: dates restart at each group's boundary.
      const createdAt = new Map(items.map((item) => [String(item.id), String(item.createdAt)]));
      const order: string[] = [];
      for (let number = 1; number < 50; number += 1) {
        await page.goto(`${base}?page=${number}`);
        const hrefs = await page.locator(`main a[href*="${base}/c/"]`).evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
        const ids = [...new Set(hrefs.map((href) => href.split("/c/")[1]?.split(/[?#]/)[0] ?? ""))].filter((id) => id && !order.includes(id));
        if (ids.length === 0) break;
        order.push(...ids);
      }
      const groups: string[][] = [];
      order.forEach((id, index) => {
        const previous = order[index - 1];
        if (!previous || (createdAt.get(id) ?? "") > (createdAt.get(previous) ?? "")) groups.push([]);
        groups.at(-1)!.push(id);
      });
      for (const group of groups) {
        const known = new Set(group.map((id) => shown.get(nameOf.get(id) ?? "")).filter(Boolean));
        if (known.size === 1) for (const id of group) pin(nameOf.get(id), [...known][0]);
      }
    }
  }

  expect(privateItemsSeen).toBeGreaterThan(0);
  const leaks = privatePeople.filter((person) => derived.get(person.displayName)?.has(person.perspective)).map((person) => person.displayName);
  expect(leaks).toEqual([]);
});
