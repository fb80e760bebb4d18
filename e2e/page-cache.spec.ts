// The page cache against the real production server (decision 037; the same rules in detail
// with a stand-in renderer: tests/page-cache/page-cache.test.ts). An anonymous reader gets cached
// pages, each with its own nonce that the browser accepts; a signed-in person never gets a
// cached page, and the anonymous page never shows anything of them.
import { expect, test, type APIResponse } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";

const dialoguePath = `/en/musterstadt/${DIALOGUES.collecting.slug}`;
const hannelore = DEMO_ACCOUNTS.find((account) => account.displayName === "Hannelore Schmitt")!;

async function nonces(response: APIResponse) {
  const policy = response.headers()["content-security-policy"] ?? "";
  const header = /'nonce-([^']+)'/.exec(policy)?.[1];
  const body = await response.text();
  const inBody = [...body.matchAll(/nonce="([^"]+)"|\\"nonce\\":\\"([^\\"]+)\\"/g)].map((match) => match[1] ?? match[2]);
  return { header, inBody, body, state: response.headers()["x-mitreden-cache"] };
}

test("anonymous readers get the cached page, each response with its own nonce in header and body", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext();
  const responses = [];
  for (const path of [dialoguePath, dialoguePath, dialoguePath, `/ar/musterstadt/${DIALOGUES.collecting.slug}`, `/ar/musterstadt/${DIALOGUES.collecting.slug}`]) {
    const response = await anonymous.get(path);
    expect(response.status()).toBe(200);
    responses.push(await nonces(response));
  }
  expect(responses.map((response) => response.state)).toEqual([expect.stringMatching(/hit|miss/), "hit", "hit", expect.stringMatching(/hit|miss/), "hit"]);
  expect(new Set(responses.map((response) => response.header)).size).toBe(responses.length);
  for (const response of responses) {
    expect(response.inBody.length).toBeGreaterThan(3);
    expect(new Set(response.inBody)).toEqual(new Set([response.header]));
  }
  // The Arabic page is its own entry.
  expect(responses[4]!.body).toContain('<html lang="ar" dir="rtl"');
  expect(responses[2]!.body).toContain('<html lang="en" dir="ltr"');
  await anonymous.dispose();
});

test("a cached page runs its scripts in the browser without a single CSP violation", async ({ page }) => {
  await page.request.get(dialoguePath); // stored
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto(dialoguePath);
  expect(response?.headers()["x-mitreden-cache"]).toBe("hit");
  // Next.js's scripts ran: the router is there (hydrated), and nothing was blocked.
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});

test("a signed-in person is never served from the cache, and the anonymous page shows nothing of them", async ({ page, playwright }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel(en.signIn.code, { exact: true }).fill(hannelore.signInCode);
  await page.getByRole("button", { name: en.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/en");

  for (let round = 0; round < 2; round++) {
    const signedIn = await page.goto(dialoguePath);
    expect(signedIn?.headers()["x-mitreden-cache"]).toBeUndefined();
    expect(await signedIn!.text()).toContain(hannelore.displayName);
  }
  const anonymous = await playwright.request.newContext();
  for (let round = 0; round < 2; round++) {
    const response = await anonymous.get(dialoguePath);
    expect(response.headers()["x-mitreden-cache"]).toMatch(/hit|miss/);
    expect(await response.text()).not.toContain(hannelore.displayName);
  }
  await anonymous.dispose();
});
