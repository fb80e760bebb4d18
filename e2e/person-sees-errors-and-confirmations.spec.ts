// After a failed post the page says what is wrong at the top — an error summary whose every line
// links to its field — and lands there, with a title that starts with "Error:" (GOV.UK's pattern);
// what the person typed is kept. After a successful comment the next page confirms it, politely,
// once. Without JavaScript on a 360 px phone (German and Arabic), and with JavaScript in place.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { before, CATALOGUES, escapeRegExp, signInAs, type SpecLocale } from "./support/sign-in";

const MUNICIPALITY = "musterstadt";
const dialoguePath = (locale: SpecLocale) => `/${locale}/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`;

/** Sends the post form with a body but without title and theme. */
async function postWithoutTitle(page: Page, locale: SpecLocale, body: string) {
  const text = CATALOGUES[locale];
  await page.goto(`${dialoguePath(locale)}/new`);
  await page.getByLabel(text.post.body, { exact: true }).fill(body);
  await page.getByRole("button", { name: text.post.submit }).click();
}

function summaryOf(page: Page, locale: SpecLocale) {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: CATALOGUES[locale].feedback.summaryTitle }) });
}

test.describe("without JavaScript on a 360 px phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  for (const locale of ["de", "ar"] as const) {
    test(`a failed post lands on the error summary, each problem links to its field, the title says so (${locale})`, async ({ page }) => {
      const text = CATALOGUES[locale];
      await signInAs(page, "Nour", locale);
      const body = `${locale === "ar" ? "لا يوجد إنترنت في السكن" : "Kein Internet im Wohnheim"} ${randomInt(100_000, 1_000_000)}`;
      await postWithoutTitle(page, locale, body);

      const summary = summaryOf(page, locale);
      await expect(summary).toBeVisible();
      // The page opened there: the summary has the focus and is in view.
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(before(text.feedback.errorTitle, "title"))}`));

      // One link per problem, named after its field, leading to that field's control.
      const links = summary.getByRole("link");
      for (const [field, name] of [
        [text.post.title, "title"],
        [text.post.theme, "themeId"],
      ] as const) {
        const link = links.filter({ hasText: field });
        await expect(link).toHaveCount(1);
        const target = await link.getAttribute("href");
        expect(target).toMatch(/^#/);
        await expect(page.locator(target!)).toHaveAttribute("name", name);
      }
      // What she typed is still there.
      await expect(page.getByLabel(text.post.body, { exact: true })).toHaveValue(body);
    });
  }

  test("a successful comment is confirmed on the next page, once", async ({ page }) => {
    const text = CATALOGUES.de;
    await signInAs(page, "Hannelore Schmitt");
    await page.goto(dialoguePath("de"));
    await page.locator(`a[href*="/c/"]`).first().click();
    const contributionUrl = page.url();

    await page.getByLabel(text.contributionPage.commentLabel, { exact: true }).fill(`Wir helfen gern. ${randomBytes(3).toString("hex")}`);
    await page.getByRole("button", { name: text.comments.submit }).click();

    const confirmation = page.getByRole("status").filter({ hasText: text.feedback.flash.commented });
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toBeInViewport();
    expect(page.url()).toBe(`${contributionUrl.split("#")[0]}#flash`);

    // Said once: the cookie that carried it is gone.
    await page.goto(contributionUrl);
    await expect(page.getByText(text.feedback.flash.commented)).toHaveCount(0);
  });
});

test("with JavaScript a failed post shows the summary in place, focused, and the title says so", async ({ page }) => {
  const text = CATALOGUES.de;
  await signInAs(page, "Nour");
  await page.goto(`${dialoguePath("de")}/new`);
  // Still the same document afterwards: no reload.
  await page.evaluate(() => ((window as unknown as { unchanged: boolean }).unchanged = true));
  const body = `Kein Internet ${randomBytes(3).toString("hex")}`;
  await page.getByLabel(text.post.body, { exact: true }).fill(body);
  await page.getByRole("button", { name: text.post.submit }).click();

  const summary = summaryOf(page, "de");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(before(text.feedback.errorTitle, "title"))}`));
  expect(await page.evaluate(() => (window as unknown as { unchanged?: boolean }).unchanged)).toBe(true);
  await expect(page.getByLabel(text.post.body, { exact: true })).toHaveValue(body);
});

test("with JavaScript a comment is confirmed once, and the confirmation stays behind when she moves on", async ({ page }) => {
  const text = CATALOGUES.de;
  await signInAs(page, "Hannelore Schmitt");
  await page.goto(dialoguePath("de"));
  await page.locator(`a[href*="/c/"]`).first().click();
  const contributionUrl = page.url().split("#")[0]!;

  const cleared = page.waitForResponse((response) => response.url().endsWith("/api/flash") && response.request().method() === "DELETE");
  await page.getByLabel(text.contributionPage.commentLabel, { exact: true }).fill(`Wir kommen vorbei. ${randomBytes(3).toString("hex")}`);
  await page.getByRole("button", { name: text.comments.submit }).click();
  await expect(page.getByRole("status").filter({ hasText: text.feedback.flash.commented })).toBeVisible();
  expect((await cleared).status()).toBe(204);

  // Moving on within the app, and loading the page afresh: said once only.
  await page.getByRole("link", { name: text.contributionPage.back }).first().click();
  await expect(page).toHaveURL(dialoguePath("de"));
  await expect(page.getByText(text.feedback.flash.commented)).toHaveCount(0);
  await page.goto(contributionUrl);
  await expect(page.getByText(text.feedback.flash.commented)).toHaveCount(0);
});
