// A participant reports a contribution and a comment on the contribution's page. With JavaScript
// the thanks takes the place of the report form where it was — no new page, the address stays —
// and the focus moves to it (the form's button is gone). Without JavaScript the post answers with
// the page, the report's fold open with the thanks in it, and the focus on the thanks. On a phone
// (360 px), in German and Arabic. This spec runs its own production server on a database of its
// own: open reports show in the moderators' header count, which other specs count on the shared
// e2e server.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { startOwnApp, type OwnApp } from "./support/own-app";
import { keepScreenshot } from "./support/screenshot";
import { CATALOGUES, signInAs, type SpecLocale } from "./support/sign-in";
import { expectNoSidewaysScrolling } from "./support/layout";

test.describe.configure({ mode: "serial" });

const target = CONTRIBUTIONS.find((seeded) => seeded.dialogue === "collecting" && seeded.language === "de" && seeded.author === "ahmad")!;

let app: OwnApp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startOwnApp();
});

test.afterAll(async () => {
  await app?.stop();
});

async function phone(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, viewport: { width: 360, height: 740 } });
  return context.newPage();
}

/** Signs `who` in and opens the target's page in `locale` (from the German dialogue list, where its title is its own). */
async function openTarget(page: Page, who: string, locale: SpecLocale): Promise<void> {
  await signInAs(page, who, locale);
  await page.goto(`/de/musterstadt/${DIALOGUES.collecting.slug}`);
  await page.getByRole("link", { name: target.title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.title);
  if (locale !== "de") await page.goto(page.url().replace("/de/", `/${locale}/`));
}

/**
 * The report form of the contribution or of a comment (a photo has its own as well), by its id:
 * its hidden fields give way to the thanks with the rest.
 */
async function reportForm(page: Page, itemType: "contribution" | "comment"): Promise<Locator> {
  const id = await page.locator("form", { has: page.locator(`input[name="itemType"][value="${itemType}"]`) }).first().getAttribute("id");
  return page.locator(`form[id="${id}"]`);
}

/** Opens the report fold inside `scope` and sends a report. */
async function report(scope: Locator, locale: SpecLocale, reason: string): Promise<void> {
  const text = CATALOGUES[locale].moderation.report;
  await scope.locator("summary", { hasText: text.open }).first().click();
  await scope.getByLabel(text.category).selectOption("SPAM");
  await scope.getByLabel(text.reason).fill(reason);
  await scope.getByRole("button", { name: text.submit }).click();
}

test("with JavaScript: the thanks appears in place of the report form, takes the focus, and the page is not loaded again", async ({ browser }) => {
  const text = CATALOGUES.de.moderation.report;
  const page = await phone(browser, true);
  await openTarget(page, "Nour", "de");
  const address = page.url();
  // Gone after a reload or a new document: only a page that stayed the same still has it.
  await page.evaluate(() => Object.assign(window, { stillThisPage: true }));

  const article = await reportForm(page, "contribution");
  await report(article, "de", "Das ist Werbung für eine Agentur.");
  const thanks = article.getByRole("status").filter({ hasText: text.thanks });
  await expect(thanks).toBeVisible();
  await expect(thanks).toBeFocused();
  await expect(article.getByRole("button", { name: text.submit })).toHaveCount(0);
  await expect(article.getByLabel(text.reason)).toHaveCount(0);
  expect(page.url()).toBe(address);
  expect(await page.evaluate(() => (window as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  await keepScreenshot(page, "report-thanks-in-place-de-js");

  // A comment below: the same, in its own place; the contribution's thanks stays where it is.
  // Its one comment (in Farsi, shown in its German translation).
  expect(target.comments).toHaveLength(1);
  const thread = await reportForm(page, "comment");
  await report(thread, "de", "Der Kommentar wirbt für etwas.");
  const commentThanks = thread.getByRole("status").filter({ hasText: text.thanks });
  await expect(commentThanks).toBeVisible();
  await expect(commentThanks).toBeFocused();
  await expect(thread.getByRole("button", { name: text.submit })).toHaveCount(0);
  await expect(thanks).toBeVisible();
  expect(await page.evaluate(() => (window as { stillThisPage?: boolean }).stillThisPage)).toBe(true);

  // Reported once: a second report of the same says so, in place as well.
  await page.reload();
  const again = await reportForm(page, "contribution");
  await report(again, "de", "Noch einmal.");
  const already = again.getByRole("status").filter({ hasText: text.already });
  await expect(already).toBeVisible();
  await expect(already).toBeFocused();
});

for (const [locale, who] of [
  ["de", "Amal H."],
  ["ar", "Olena K."],
] as const) {
  test(`${locale}, without JavaScript: the post answers with the page, the thanks in the open report fold and focused`, async ({ browser }) => {
    const text = CATALOGUES[locale].moderation.report;
    const page = await phone(browser, false);
    await openTarget(page, who, locale);
    const address = page.url();
    await report(await reportForm(page, "contribution"), locale, locale === "ar" ? "هذا إعلان." : "Das ist Werbung.");
    // A new page: the one report fold that answered holds the thanks.
    const thanks = page.getByRole("status").filter({ hasText: text.thanks });
    const form = page.locator("form", { has: thanks });
    await expect(thanks).toBeVisible();
    await expect(thanks).toBeFocused();
    await expect(form.locator("details", { has: thanks })).toHaveAttribute("open", "");
    await expect(form.getByRole("button", { name: text.submit })).toHaveCount(0);
    expect(new URL(page.url()).pathname).toBe(new URL(address).pathname);
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `report-thanks-${locale}-nojs`);
  });
}
