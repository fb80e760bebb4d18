// Everything works from the keyboard alone: the skip link takes focus to the main content, and a
// person signs in, reaches a dialogue, and supports a contribution and takes it back with Tab,
// Enter and Space; a comment's "Report" is a link that Enter follows, and Tab goes on from the
// comment to its form's first field (decision 089).
import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";

// An account no other spec signs in as, so no one signs it out or changes it meanwhile.
const person = DEMO_ACCOUNTS.find((account) => account.displayName === "Jonas Weber")!;
const collecting = DIALOGUES.collecting;
// A German contribution with a comment by someone else, shown (not hidden): one this person may report.
// The newest such, so the dialogue's first page lists it.
const commented = CONTRIBUTIONS.filter(
  (seeded) => seeded.dialogue === "collecting" && seeded.language === "de" && seeded.author !== "volunteering" && seeded.comments?.some((comment) => comment.by !== "volunteering" && !comment.hide),
).sort((a, b) => b.day - a.day || (b.hour ?? 0) - (a.hour ?? 0))[0]!;

/** Presses Tab until the focused element matches, failing after a bounded number of presses. */
async function tabTo(page: Page, matches: (element: { role: string | null; name: string }) => boolean, limit = 60) {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { role: element?.tagName.toLowerCase() ?? null, name: (element?.innerText || element?.getAttribute("aria-label") || "").trim() };
    });
    if (matches(focused)) return;
  }
  throw new Error("the element was not reached with Tab");
}

test("a person uses mitreden with the keyboard only", async ({ page }) => {
  test.slow(); // up to 80 Tab presses per step, each read back from the page
  await page.goto("/en");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: en.layout.skipToContent })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await page.goto("/en/sign-in");
  await tabTo(page, (element) => element.role === "input");
  await page.keyboard.type(person.signInCode);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/en");
  await expect(page.getByRole("banner")).toContainText(person.displayName);

  await tabTo(page, (element) => element.role === "a" && element.name === collecting.title);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(collecting.title);

  // On a contribution: support (or take back) with Space, and undo it with Enter.
  const firstContribution = await page.locator('main a[href*="/c/"]').first().getAttribute("href");
  await page.goto(firstContribution!);
  // The seed may already have this person supporting it: toggle twice either way.
  const supported = await page.getByText(en.supports.youSupport).isVisible();
  const [first, second] = supported ? [en.supports.withdraw, en.supports.give] : [en.supports.give, en.supports.withdraw];
  await tabTo(page, (element) => element.role === "button" && element.name === first, 80);
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: second, exact: true })).toBeVisible();
  await page.locator("body").focus();
  await tabTo(page, (element) => element.role === "button" && element.name === second, 80);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: first, exact: true })).toBeVisible();

  // A comment's "Report": Enter follows the link to the same page, the comment's form open there,
  // and Tab goes on from the comment to the form's first field, the category (labelled).
  await page.goto(`/de/musterstadt/${collecting.slug}`);
  await page.getByRole("link", { name: commented.title, exact: true }).first().click();
  await page.goto(page.url().replace("/de/", "/en/"));
  await page.locator("body").focus();
  await tabTo(page, (element) => element.role === "a" && element.name === en.moderation.report.open, 200);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]act=report#comment-/);
  await tabTo(page, (element) => element.role === "select", 6);
  await expect(page.locator(":focus")).toHaveAccessibleName(en.moderation.report.category);
});
