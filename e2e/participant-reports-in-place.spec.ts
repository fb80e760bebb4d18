// A participant reports a contribution and a comment on the contribution's page. With JavaScript
// the thanks takes the place of the report form where it was — no new page, the address stays —
// and the focus moves to it (the form's button is gone). Without JavaScript the post answers with
// the page, the report's fold open with the thanks in it, and the focus on the thanks. On a phone
// (360 px), in German and Arabic. A comment's "Report" is a link to the same page with that one
// comment's report form open in place (decision 089): the page sends no form per comment. This spec runs its own production server on a database of its
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

/** Opens the report fold inside `scope` (unless a link opened it already) and sends a report. */
async function report(scope: Locator, locale: SpecLocale, reason: string, { opened = false } = {}): Promise<void> {
  const text = CATALOGUES[locale].moderation.report;
  if (!opened) await scope.locator("summary", { hasText: text.open }).first().click();
  await scope.getByLabel(text.category).selectOption("SPAM");
  await scope.getByLabel(text.reason).fill(reason);
  await scope.getByRole("button", { name: text.submit }).click();
}

/** Follows the one comment's "Report" link: the same page, the comment's report form open in it. */
async function openCommentReport(page: Page, locale: SpecLocale): Promise<void> {
  const text = CATALOGUES[locale].moderation.report;
  const comment = page.locator("[id^=comment-]");
  await comment.getByRole("link", { name: text.open, exact: true }).click();
  await expect(page).toHaveURL(/[?&]act=report(&|#)/);
  const id = new URL(page.url()).searchParams.get("comment");
  expect(new URL(page.url()).hash).toBe(`#comment-${id}`);
  // Only this comment's form, open in place; its first field labelled.
  await expect(page.locator('input[name="itemType"][value="comment"]')).toHaveCount(1);
  await expect(page.locator(`#comment-${id} details[open]`).getByLabel(text.category)).toBeVisible();
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

  // A comment below: its "Report" is a link, to the same page with its form open at the comment
  // (no form of it on the page before); then the same, in its own place.
  // Its one comment (in Farsi, shown in its German translation).
  expect(target.comments).toHaveLength(1);
  await expect(page.locator('input[name="itemType"][value="comment"]')).toHaveCount(0);
  await openCommentReport(page, "de");
  const commentAddress = page.url();
  await page.evaluate(() => Object.assign(window, { stillThisPage: true }));
  const thread = await reportForm(page, "comment");
  await report(thread, "de", "Der Kommentar wirbt für etwas.", { opened: true });
  const commentThanks = thread.getByRole("status").filter({ hasText: text.thanks });
  await expect(commentThanks).toBeVisible();
  await expect(commentThanks).toBeFocused();
  await expect(thread.getByRole("button", { name: text.submit })).toHaveCount(0);
  expect(page.url()).toBe(commentAddress);
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

    // The comment's report, opened by its link; a refused post comes back to the same address
    // with the form open, its message by the field, and what was typed kept.
    await openCommentReport(page, locale);
    const commentAddress = page.url();
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `report-comment-form-${locale}-nojs`);
    const thread = await reportForm(page, "comment");
    await thread.getByLabel(text.category).selectOption("SPAM");
    await thread.getByRole("button", { name: text.submit }).click();
    const refused = await reportForm(page, "comment");
    // At the comment (the address's #fragment, which the browser keeps for the post), the summary
    // in view: a page with a target in its address gives no element the focus on its own.
    await expect(refused.getByRole("alert")).toBeInViewport();
    await expect(refused.getByLabel(text.category)).toHaveValue("SPAM");
    expect(new URL(page.url()).search).toBe(new URL(commentAddress).search);
    await refused.getByLabel(text.reason).fill(locale === "ar" ? "إعلان." : "Werbung.");
    await refused.getByRole("button", { name: text.submit }).click();
    const commentThanks = page.getByRole("status").filter({ hasText: text.thanks });
    await expect(commentThanks).toBeVisible();
    await expect(page.locator("form", { has: commentThanks }).locator('input[name="itemType"]')).toHaveCount(0);
  });
}
