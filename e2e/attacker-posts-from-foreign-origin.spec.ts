// Server actions are public endpoints. A form posted from another site (or with its Origin
// stripped or set to "null", as sandboxed frames and some redirects do) must not sign anyone in,
// even with a correct sign-in code. Browsers will not let a page forge its Origin, so the test
// reads the real form (with its hidden action fields) and posts it itself with the headers an
// attacker's page or tool would send.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";

const person = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;

test.use({ javaScriptEnabled: false });

/** The sign-in form's fields as the browser would submit them, with the code filled in. */
async function signInForm(page: Page): Promise<Record<string, string>> {
  await page.goto("/en/sign-in");
  await page.getByLabel(en.signIn.code, { exact: true }).fill(person.signInCode);
  const form = page.locator("form").filter({ has: page.getByLabel(en.signIn.code, { exact: true }) });
  // Read through Playwright, not page scripts: JavaScript is off in this page.
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input[name]").all()) {
    const name = await input.getAttribute("name");
    if (name) fields[name] = await input.inputValue();
  }
  return fields;
}

async function post(request: APIRequestContext, baseURL: string, fields: Record<string, string>, origin?: string) {
  // Multipart, as a browser submits a server-action form without JavaScript.
  const headers: Record<string, string> = {};
  if (origin !== undefined) headers.origin = origin;
  return request.post(`${baseURL}/en/sign-in`, { headers, multipart: fields, maxRedirects: 0 });
}

function startsASession(setCookies: string[]): boolean {
  return setCookies.some((cookie) => /session-token=[^;]+/.test(cookie) && !/session-token=;/.test(cookie));
}

const setCookiesOf = (response: Awaited<ReturnType<typeof post>>) =>
  response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie").map((header) => header.value);

for (const [name, origin] of [
  ["a foreign site", "https://evil.example"],
  ["the null origin", "null"],
  ["no origin at all", undefined],
] as const) {
  test(`a sign-in posted from ${name} is refused and starts no session`, async ({ page, request, baseURL }) => {
    const fields = await signInForm(page);
    const response = await post(request, baseURL!, fields, origin);
    expect(startsASession(setCookiesOf(response))).toBe(false);
    if (origin === undefined) {
      // Without any Origin, Next.js lets the action run; our wrapper refuses it and says so in the form.
      expect(response.status()).not.toBe(303);
      expect(await response.text()).toContain(en.errors.FORBIDDEN);
    } else {
      // A foreign or null Origin: proxy.ts answers 403 with a page that says why (Next.js's own
      // check, which it would reach otherwise, answers 500).
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain(en.security.forbiddenTitle);
    }
  });
}

test("the same form posted from the site itself signs in (the refusals are about the origin)", async ({ page, request, baseURL }) => {
  const fields = await signInForm(page);
  const response = await post(request, baseURL!, fields, new URL(baseURL!).origin);
  expect(startsASession(setCookiesOf(response))).toBe(true);
});
