// The security headers of pages and route handlers, and that the Content-Security-Policy is
// strict yet leaves our own pages working: every script Next.js writes carries this response's
// nonce, pages hydrate, and an injected inline script or event handler does not run. A body
// over the server-action limit gets a clear 413 page instead of a crash.
import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DIALOGUES } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const MUNICIPALITY = "musterstadt";

/** The directives of a policy, by name. */
function directives(policy: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (policy ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

function expectCommonHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The e2e server runs with NODE_ENV=production (over http, where browsers ignore it).
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  expect(headers["x-powered-by"]).toBeUndefined();
}

/** Every CSP violation and console error a page causes, collected in the page itself. */
async function watch(page: Page) {
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return {
    consoleErrors,
    dialogs,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

test("a page sends a strict policy with a fresh nonce that every one of its scripts carries", async ({ request }) => {
  const first = await request.get("/en");
  const second = await request.get("/en");
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expectCommonHeaders(headers);

  const policy = directives(headers["content-security-policy"] ?? null);
  const scriptSrc = policy.get("script-src") ?? [];
  const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
  expect(nonce, "script-src has a nonce").toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy.get("style-src")).not.toContain("'unsafe-inline'");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("default-src")).toEqual(["'self'"]);

  // A nonce is used once: the next response has another.
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  // Every script element of the HTML carries this response's nonce.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("route handlers under /api send the same headers and a policy that allows nothing", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expectCommonHeaders(headers);
  const policy = directives(headers["content-security-policy"] ?? null);
  expect(policy.get("default-src")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
});

test("redirects and the not-found page carry the headers too", async ({ request }) => {
  const redirect = await request.get("/", { maxRedirects: 0, headers: { "accept-language": "en" } });
  expect(redirect.status()).toBe(307);
  expectCommonHeaders(redirect.headers());
  expect(redirect.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  const missing = await request.get("/en/no-such-municipality-anywhere");
  expect(missing.status()).toBe(404);
  expectCommonHeaders(missing.headers());
  expect(missing.headers()["content-security-policy"]).toContain("'nonce-");
});

test("pages hydrate under the policy without a single violation", async ({ page }) => {
  const watched = await watch(page);
  const paths = [
    "/en",
    `/en/${MUNICIPALITY}`,
    `/en/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`,
    `/ar/${MUNICIPALITY}/${DIALOGUES.deliberating.slug}`,
    "/en/sign-in",
    "/en/join",
    "/en/accessibility",
    // Pages that came with responses, meetings, actors and results (one row each).
    `/en/${MUNICIPALITY}/${DIALOGUES.closed.slug}/results`,
    `/en/${MUNICIPALITY}/${DIALOGUES.collecting.slug}/meetings`,
    `/en/${MUNICIPALITY}/${DIALOGUES.responding.slug}/responsibilities`,
    `/en/${MUNICIPALITY}/actors`,
    `/en/${MUNICIPALITY}/overview`,
  ];
  for (const path of paths) {
    await page.goto(path);
    // window.next is set by the App Router's client once it has started: the nonced scripts ran.
    await page.waitForFunction(() => (window as unknown as { next?: { version?: string } }).next?.version !== undefined);
    expect(await watched.violations(), `${path}: CSP violations`).toEqual([]);
  }
  // A client-side navigation (the RSC payload, prefetching) works under the policy too.
  await page.goto(`/en/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`);
  await page.locator("main article a").first().click();
  await expect(page).toHaveURL(/\/c\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await watched.violations()).toEqual([]);
  expect(watched.consoleErrors.filter((text) => /Content[- ]Security[- ]Policy/i.test(text))).toEqual([]);
  expect(watched.dialogs).toEqual([]);
});

test("markup that slipped into a page cannot run script: inline, event handler, javascript: URL", async ({ page }) => {
  const watched = await watch(page);
  // As if a payload had got past React's escaping into the server's HTML: the policy is the
  // second wall. The page is the server's own, with its own headers; only the markup is added.
  await page.route("**/en", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /<body([^>]*)>/,
      `<body$1><script>window.__xss = "inline script"</script><img src="/icon.svg" onload="window.__xss = 'event handler'"><a id="xss-link" href="javascript:window.__xss = 'javascript url'">x</a>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/en");
  await page.waitForFunction(() => (window as unknown as { next?: unknown }).next !== undefined);
  await page.locator("#xss-link").click();
  await expect.poll(async () => (await watched.violations()).length).toBe(3);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  const violated = (await watched.violations()).map((violation) => violation.split(" ")[0]).sort();
  expect(violated).toEqual(["script-src-attr", "script-src-elem", "script-src-elem"]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("a form post over 1 MB is refused with a clear message in the person's language", async ({ page }) => {
    await page.goto("/en/accessibility");
    await page.getByLabel(en.accessibility.page).fill("/en");
    // Past the field's maxLength, as a script or a modified page could send it.
    await page.getByLabel(en.accessibility.description).evaluate((field) => field.removeAttribute("maxlength"));
    await page.getByLabel(en.accessibility.description).fill("x".repeat(2 * 1024 * 1024));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: en.accessibility.submit }).click(),
    ]);
    expect(response.status()).toBe(413);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.security.tooLargeTitle);
    await expect(page.getByText(en.security.tooLargeBody.replace("{limit}", "1 MB"))).toBeVisible();
    await expect(page.getByRole("link", { name: en.security.back })).toHaveAttribute("href", "/en");
    await expectNoSidewaysScrolling(page);
  });

  test("a text just over a field's limit gets the field's own message", async ({ page }) => {
    await page.goto("/en/accessibility");
    await page.getByLabel(en.accessibility.page).fill("/en");
    await page.getByLabel(en.accessibility.description).evaluate((field) => field.removeAttribute("maxlength"));
    await page.getByLabel(en.accessibility.description).fill("x".repeat(4001));
    await page.getByRole("button", { name: en.accessibility.submit }).click();
    // "Please use at most 4,000 characters." (the number formatted for the language)
    await expect(page.locator("p").filter({ hasText: new RegExp(en.validation.too_long.split("{maximum")[0]!) })).toBeVisible();
    await expect(page.getByLabel(en.accessibility.description)).toHaveAttribute("aria-invalid", "true");
  });
});
