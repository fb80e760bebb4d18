// Server actions are public endpoints. A form posted from another site (or with its Origin
// stripped or set to "null", as sandboxed frames and some redirects do) must not sign anyone in,
// even with a correct sign-in code.
import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";

const person = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;

test.use({ javaScriptEnabled: false });

async function postSignInWithOrigin(page: Page, origin: string | undefined) {
  await page.route("**/en/sign-in", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const headers = { ...request.headers() };
    delete headers.origin;
    if (origin !== undefined) headers.origin = origin;
    await route.continue({ headers });
  });
  await page.goto("/en/sign-in");
  await page.getByLabel(en.signIn.code, { exact: true }).fill(person.signInCode);
  await page.getByRole("button", { name: en.signIn.submit, exact: true }).click();
}

async function expectSignedOut(page: Page) {
  const cookies = await page.context().cookies();
  expect(cookies.filter((cookie) => cookie.name.includes("session-token"))).toEqual([]);
  await page.goto("/en");
  await expect(page.getByRole("banner")).not.toContainText(person.displayName);
}

// Next.js itself aborts actions whose Origin names another host ("null" included); our wrapper
// refuses the rest, including requests without any Origin, which Next.js lets through.
for (const [name, origin] of [
  ["a foreign site", "https://evil.example"],
  ["the null origin", "null"],
] as const) {
  test(`a sign-in posted from ${name} is refused and signs nobody in`, async ({ page }) => {
    await postSignInWithOrigin(page, origin);
    await expect(page).not.toHaveURL("/en");
    await expectSignedOut(page);
  });
}

test("a sign-in posted without any origin is refused by our own check", async ({ page }) => {
  await postSignInWithOrigin(page, undefined);
  await expect(page.getByRole("alert")).toContainText(en.errors.FORBIDDEN);
  await expectSignedOut(page);
});

test("the same sign-in from the site itself works (the refusals above are about the origin)", async ({ page, context }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel(en.signIn.code, { exact: true }).fill(person.signInCode);
  await page.getByRole("button", { name: en.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/en");
  await expect(page.getByRole("banner")).toContainText(person.displayName);
  expect((await context.cookies()).some((cookie) => cookie.name.includes("session-token"))).toBe(true);
});
