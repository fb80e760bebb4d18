// A sweep over every route, in German and Arabic, signed out and signed in as staff (who may
// open every team page): a page fails when the browser logs an error or a script throws —
// a hydration error, a failed request, a bug only JavaScript shows.
import { expect, test, type Page } from "@playwright/test";
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

/** The address of the first contribution listed on the collecting dialogue's page. */
async function firstContribution(page: Page, locale: string): Promise<string> {
  await page.goto(`/${locale}/${M}/${D}`);
  const href = await page.locator(`a[href*="/${D}/c/"]`).first().getAttribute("href");
  return new URL(href!, page.url()).pathname;
}

async function sweep(page: Page, locale: string, paths: string[]) {
  const problems = watch(page);
  for (const path of paths) {
    const address = path === "CONTRIBUTION" ? await firstContribution(page, locale) : `/${locale}${path}`;
    const response = await page.goto(address);
    expect(response?.status(), address).toBeLessThan(400);
    // Hydration is done (and would have logged by now) when the page answers to the router.
    await page.waitForLoadState("load");
    await expect(page.locator("main")).toBeVisible();
    expect(problems, address).toEqual([]);
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
    await sweep(page, locale, [`/${M}`, `/${M}/${D}`, "CONTRIBUTION", ...STAFF]);
  });

  test(`no console error on the moderator's pages (${locale})`, async ({ page }) => {
    await signInAs(page, "Miriam Hoffmann", locale);
    await sweep(page, locale, MODERATOR);
  });
}
