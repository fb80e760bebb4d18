// A volunteer (a local actor) translates a German need into Arabic. An Arabic reader without
// JavaScript then reads it in Arabic, right to left, marked as a volunteer's translation, and
// reaches the German original with one click. A comment's "Translate" is a link to the same page
// with that comment's form open in place (decision 089).
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { keepScreenshot } from "./support/screenshot";

const MUNICIPALITY = "musterstadt";
const hannelore = DEMO_ACCOUNTS.find((account) => account.displayName === "Hannelore Schmitt")!;
// The newest German need of the collecting dialogue nobody has translated into Arabic: the list's first page shows it.
const need = CONTRIBUTIONS.filter(
  (seeded) =>
    seeded.dialogue === "collecting" &&
    seeded.kind === "NEED" &&
    seeded.language === "de" &&
    !seeded.onBehalf &&
    !seeded.translations?.some((translation) => translation.language === "ar"),
).sort((a, b) => b.day - a.day || (b.hour ?? 0) - (a.hour ?? 0))[0]!;

async function signIn(page: Page) {
  await page.goto(`/de/sign-in`);
  await page.getByLabel(de.signIn.code, { exact: true }).fill(hannelore.signInCode);
  await page.getByRole("button", { name: de.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/de`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A message's text up to its first argument, e.g. "Read the original (" of "Read the original ({language})". */
const upToArgument = (message: string) => new RegExp(`^${escape(message.split("{")[0]!)}`);

test("a volunteer translates a German need into Arabic; an Arabic reader without JavaScript reads it and reaches the original", async ({ page, browser }) => {
  expect(need, "a German need without an Arabic translation in the seed").toBeDefined();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page);
  await page.goto(`/de/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`);
  await page.getByRole("link", { name: need.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(need.title);
  const path = new URL(page.url()).pathname.replace(/^\/de\//, "/");

  const title = `لا يوجد إنترنت في السكن ${randomInt(100_000, 1_000_000)}`;
  const body = "في المبنى لا يوجد إنترنت. الأطفال لا يستطيعون أداء واجباتهم المدرسية.";
  // The contribution's own form (a comment's is behind its link; the host team also has the machine's).
  const summary = page.locator("summary", { hasText: new RegExp(`^${escape(de.translations.translate)}$`) });
  const form = page.getByRole("region", { name: de.translations.translate, exact: true }).locator("details").filter({ has: summary });
  await form.locator(summary).click();
  await form.getByLabel(de.translations.language, { exact: true }).selectOption("ar");
  await form.getByLabel(de.translations.title, { exact: true }).fill(title);
  await form.getByLabel(de.translations.body, { exact: true }).fill(body);
  await keepScreenshot(page, "translation-form-de-360", { file: "test-results/translation-form-de-360.png" });
  await form.getByRole("button", { name: de.translations.submit, exact: true }).click();
  // Back on the page, which a German reader still reads in German.
  await expect(page).toHaveURL(new RegExp(`${escape(path)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(need.title);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const reader = await context.newPage();
  await reader.goto(`/ar${path}`);
  const heading = reader.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(title);
  await expect(heading).toHaveAttribute("lang", "ar");
  await expect(heading).toHaveAttribute("dir", "rtl");
  await expect(reader.getByTestId("contribution-body")).toHaveAttribute("dir", "rtl");
  await expect(reader.getByTestId("contribution-body")).toContainText(body);
  await expect(reader.getByTestId("translation-label").first()).toHaveText(ar.translations.byVolunteer);
  await keepScreenshot(reader, "translation-ar-360", { file: "test-results/translation-ar-360.png" });

  await reader.getByRole("link", { name: upToArgument(ar.translations.showOriginal) }).click();
  await expect(reader).toHaveURL(/\?original=1$/);
  await expect(heading).toHaveText(need.title);
  await expect(heading).toHaveAttribute("lang", "de");
  await expect(heading).toHaveAttribute("dir", "ltr");
  await expect(reader.getByRole("link", { name: upToArgument(ar.translations.showTranslation) })).toBeVisible();
  await context.close();
});

test("a German reader without JavaScript reads a Farsi comment in its German translation, the original one click away", async ({ browser }) => {
  const seeded = CONTRIBUTIONS.find((c) => c.dialogue === "collecting" && c.comments?.some((comment) => comment.language === "fa" && comment.translations?.some((t) => t.language === "de")))!;
  const comment = seeded.comments!.find((c) => c.language === "fa" && c.translations?.some((t) => t.language === "de"))!;
  const translated = comment.translations!.find((t) => t.language === "de")!;
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const reader = await context.newPage();
  await reader.goto(`/de/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`);
  await reader.getByRole("link", { name: seeded.title, exact: true }).click();

  const shown = reader.locator("p", { hasText: translated.body.slice(0, 40) });
  await expect(shown).toHaveAttribute("lang", "de");
  const original = reader.locator("details p", { hasText: comment.body.slice(0, 20) });
  await expect(original).toBeHidden();
  await reader.locator("summary", { hasText: upToArgument(de.translations.showOriginal) }).first().click();
  await expect(original).toBeVisible();
  await expect(original).toHaveAttribute("lang", "fa");
  await expect(original).toHaveAttribute("dir", "rtl");
  await keepScreenshot(reader, "translation-comment-de-360", { file: "test-results/translation-comment-de-360.png" });
  await context.close();
});

/** The translation forms of comments on the page (their own edit and delete forms name the comment too, but choose no language). */
const commentTranslateForms = (page: Page) => page.locator('form:has(input[name="commentId"]):has(select[name="language"])');

test("a volunteer translates a comment from its link, the form open at the comment alone, and a reader of that language reads it", async ({ page }) => {
  await signIn(page);
  await page.goto(`/de/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`);
  await page.getByRole("link", { name: need.title, exact: true }).click();
  const words = `Im Haus 3 gibt es seit Montag wieder kein Netz. ${randomInt(100_000, 1_000_000)}`;
  await page.getByLabel(de.contributionPage.commentLabel, { exact: true }).fill(words);
  await page.getByRole("button", { name: de.comments.submit }).click();
  const comment = page.locator("[id^=comment-]").filter({ hasText: words });
  await expect(comment).toBeVisible();
  const commentId = (await comment.getAttribute("id"))!.replace("comment-", "");
  // No comment carries a translation form until its link asks for one.
  await expect(commentTranslateForms(page)).toHaveCount(0);

  await comment.getByRole("link", { name: de.translations.translate, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`\\?comment=${commentId}&act=translate#comment-${commentId}$`));
  await expect(commentTranslateForms(page)).toHaveCount(1);
  const form = page.locator(`#comment-${commentId} details[open]`);
  const translation = `У будинку 3 знову немає інтернету. ${randomInt(100_000, 1_000_000)}`;
  await form.getByLabel(de.translations.language, { exact: true }).selectOption("uk");
  await form.getByLabel(de.translations.body, { exact: true }).fill(translation);
  await form.getByRole("button", { name: de.translations.submit, exact: true }).click();
  // Saved: back at the comment, no form open.
  await expect(page).toHaveURL(new RegExp(`\\?comment=${commentId}#comment-${commentId}$`));
  await expect(commentTranslateForms(page)).toHaveCount(0);

  await page.goto(page.url().replace("/de/", "/uk/"));
  await expect(page.locator(`#comment-${commentId}`).locator("p", { hasText: translation })).toHaveAttribute("lang", "uk");
});
