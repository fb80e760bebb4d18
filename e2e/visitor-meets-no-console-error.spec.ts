// A sweep over every route, in German and Arabic, signed out and signed in as staff (who may
// open every team page): a page fails when the browser logs an error or a script throws —
// a hydration error, a failed request, a bug only JavaScript shows.
import { expect, test, type Page } from "@playwright/test";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { signInAs } from "./support/sign-in";

const M = "musterstadt";
const D = DIALOGUES.collecting.slug;

const PUBLIC = [
  "",
  "/accessibility",
  "/sign-in",
  "/join",
  "/r",
  `/${M}`,
  `/${M}/actors`,
  ...Object.values(DIALOGUES)
    .filter((dialogue) => dialogue !== DIALOGUES.draft)
    .map((dialogue) => `/${M}/${dialogue.slug}`),
  `/${M}/${D}/meetings`,
  `/${M}/${D}/results`,
  `/${M}/${D}/responsibilities`,
  "CONTRIBUTION",
];

const STAFF = [
  "/account",
  "/notifications",
  `/${M}/overview`,
  `/${M}/staff`,
  `/${M}/staff/queue`,
  `/${M}/staff/sign-in-codes`,
  `/${M}/branding`,
  `/${M}/actors/manage`,
  `/${M}/dialogues/new`,
  `/${M}/${DIALOGUES.draft.slug}`,
  `/${M}/${D}/manage`,
  `/${M}/${D}/manage/queue`,
  `/${M}/${D}/invitations`,
  `/${M}/${D}/responsibilities/manage`,
  `/${M}/${D}/meetings/manage`,
  `/${M}/${D}/new`,
  `/${M}/${D}/new/offline`,
  `/${M}/${D}/export`,
  `/${M}/${D}/moderation/log`,
];

/** The moderator's pages (Miriam Hoffmann moderates the municipality's dialogues). */
const MODERATOR = [`/${M}/moderation`, `/${M}/${D}/moderation`, `/${M}/${D}/export`];

/** Collects console errors and uncaught exceptions of the page from now on. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/**
 * A contribution of the collecting dialogue with a comment a volunteer translated into German and
 * nobody has checked yet: its page holds the host team's "mark as checked" forms beside the
 * translations' labels (once inside a paragraph, which made React render the whole page again).
 */
const withTranslatedComment = CONTRIBUTIONS.find(
  (seeded) => seeded.dialogue === "collecting" && seeded.comments?.some((comment) => comment.translations?.some((translation) => translation.language === "de")),
)!;

/** The address of the first contribution listed on the collecting dialogue's page. */
async function firstContribution(page: Page, locale: string): Promise<string> {
  await page.goto(`/${locale}/${M}/${D}`);
  const href = await page.locator(`a[href*="/${D}/c/"]`).first().getAttribute("href");
  return new URL(href!, page.url()).pathname;
}

/** The address of the seeded contribution `title` of the collecting dialogue, found by its title. */
async function contributionTitled(page: Page, locale: string, title: string): Promise<string> {
  await page.goto(`/${locale}/${M}/${D}?${new URLSearchParams({ q: title })}`);
  const href = await page.getByRole("link", { name: title, exact: true }).first().getAttribute("href");
  return new URL(href!, page.url()).pathname;
}

async function address(page: Page, locale: string, path: string): Promise<string> {
  if (path === "CONTRIBUTION") return firstContribution(page, locale);
  if (path === "TRANSLATED_COMMENT") return contributionTitled(page, locale, withTranslatedComment.title);
  return `/${locale}${path}`;
}

async function sweep(page: Page, locale: string, paths: string[]) {
  const problems = watch(page);
  for (const path of paths) {
    const at = await address(page, locale, path);
    const response = await page.goto(at);
    expect(response?.status(), at).toBeLessThan(400);
    // Hydration is done (and would have logged by now) when the app router has mounted: it adds
    // its route announcer in an effect, after the whole page (its lazy form parts too) committed.
    await page.waitForLoadState("load");
    await expect(page.locator("next-route-announcer")).toBeAttached();
    await expect(page.locator("main")).toBeVisible();
    expect(problems, at).toEqual([]);
  }
}

test.describe.configure({ timeout: 180_000 });

for (const locale of ["de", "ar"] as const) {
  test(`no console error on any public page (${locale})`, async ({ page }) => {
    await sweep(page, locale, PUBLIC);
  });

  test(`no console error on any page staff open (${locale})`, async ({ page }) => {
    await signInAs(page, "Sabine Krüger", locale);
    // Of the public pages, those that grow team controls for staff: the municipality, the dialogue, a contribution.
    await sweep(page, locale, [`/${M}`, `/${M}/${D}`, "CONTRIBUTION", "TRANSLATED_COMMENT", ...STAFF]);
  });

  test(`no console error on the moderator's pages (${locale})`, async ({ page }) => {
    await signInAs(page, "Miriam Hoffmann", locale);
    await sweep(page, locale, MODERATOR);
  });
}
