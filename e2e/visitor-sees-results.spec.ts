// A visitor opens the results of a dialogue from its page and finds support broken down by
// perspective, lived experience first, with the chart's numbers in a real table; the page works
// without JavaScript on a 360 px phone in Arabic, right to left. Staff reach the municipality
// overview from the staff page; nobody else does. Totals change as the seed grows, so the checks
// are on structure and on numbers that must agree with each other.
import { expect, test, type Locator, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const MUNICIPALITY = "musterstadt";
const RESPONDING = DIALOGUES.responding;
const PERSPECTIVES = ["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"] as const;
const staff = DEMO_ACCOUNTS.find((account) => account.displayName === "Sabine Krüger")!;
const participant = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;

/** The table whose caption is `caption`. */
function table(page: Page, caption: string): Locator {
  return page.locator("table").filter({ has: page.locator(`caption:text-is("${caption}")`) });
}

/** The row headers of a table's body, top to bottom. */
async function rowHeaders(t: Locator): Promise<string[]> {
  return (await t.locator("tbody th[scope=row]").allTextContents()).map((s) => s.trim());
}

/** A German-formatted whole number ("1.234") as a number. */
function numberIn(text: string | null): number {
  return Number((text ?? "").replace(/\./g, "").trim());
}

async function signIn(page: Page, code: string) {
  await page.goto("/de/sign-in");
  await page.getByLabel(de.signIn.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: de.signIn.submit, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

test("a visitor opens the results from the dialogue page and sees support by perspective, lived experience first", async ({ page }) => {
  await page.goto(`/de/${MUNICIPALITY}/${RESPONDING.slug}`);
  await page.getByRole("link", { name: de.results.resultsLink, exact: true }).click();
  await expect(page).toHaveURL(`/de/${MUNICIPALITY}/${RESPONDING.slug}/results`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.results.heading);
  await expect(page.getByText(RESPONDING.title, { exact: true })).toBeVisible();

  const support = table(page, de.results.supportCaption);
  await expect(support).toBeVisible();
  await expect(support.locator("thead th")).toHaveText([de.results.perspective, de.results.online, de.results.atMeetings, de.results.together]);
  expect(await rowHeaders(support)).toEqual([...PERSPECTIVES.map((p) => de.perspectives[p]), de.results.allPerspectives]);

  // Each row's total is online plus at meetings, and the last row adds up the perspectives.
  const rows = await support.locator("tbody tr").all();
  const cells = await Promise.all(rows.map(async (row) => (await row.locator("td").allTextContents()).map(numberIn)));
  for (const [online, atMeetings, together] of cells) expect(together).toBe((online ?? 0) + (atMeetings ?? 0));
  const all = cells.at(-1)!;
  const byPerspective = cells.slice(0, -1);
  expect(all[0]).toBe(byPerspective.reduce((sum, [online]) => sum + (online ?? 0), 0));
  expect(all[1]).toBe(byPerspective.reduce((sum, [, atMeetings]) => sum + (atMeetings ?? 0), 0));
  // The seeded answered needs got support from people with lived experience of flight.
  expect(byPerspective[0]![2]).toBeGreaterThan(0);

  // Who raised what, themes, statuses, sources: each chart has its table.
  expect(await rowHeaders(table(page, de.results.raisedCaption))).toEqual(PERSPECTIVES.map((p) => de.perspectives[p]));
  await expect(table(page, de.results.themesCaption).locator("tbody tr")).toHaveCount(RESPONDING.themes.length);
  await expect(table(page, de.results.statusCaption).locator("tbody tr")).toHaveCount(6);
  await expect(table(page, de.results.sourcesCaption).locator("tbody tr")).toHaveCount(4);
  // The meeting at the shelter in this dialogue's past is listed.
  await expect(table(page, de.results.meetingsCaption)).toContainText("Sprechstunde Beratung und Gesundheit");
  await expect(page.getByRole("heading", { level: 2, name: de.results.actorsHeading })).toBeVisible();
  // The charts are pictures of the tables: screen readers get the tables only.
  await expect(page.locator(".results-chart").first()).toHaveAttribute("aria-hidden", "true");
});

test("the results work without JavaScript on a 360 px phone in Arabic, bars growing from the right", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const response = await page.goto(`/ar/${MUNICIPALITY}/${RESPONDING.slug}/results`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.results.heading);

  const support = table(page, ar.results.supportCaption);
  await expect(support).toBeVisible();
  expect((await rowHeaders(support))[0]).toBe(ar.perspectives.LIVED_EXPERIENCE);

  // Nothing widens the page: wide tables scroll inside their own box.
  await expectNoSidewaysScrolling(page);

  // Right to left, a bar's first segment ends at the right edge of the 0–100 box.
  const firstBar = page.locator(".results-chart svg.block").first().locator("rect:not(.results-track)").first();
  const [x, width] = await Promise.all([firstBar.getAttribute("x"), firstBar.getAttribute("width")]);
  expect(Number(x) + Number(width)).toBeCloseTo(100);
  await context.close();
});

test("a draft has no results page", async ({ page }) => {
  const response = await page.goto(`/de/${MUNICIPALITY}/${DIALOGUES.draft.slug}/results`);
  expect(response?.status()).toBe(404);
});

test("staff open the municipality overview from the staff page; a participant cannot", async ({ page, browser }) => {
  await signIn(page, staff.signInCode);
  await page.goto(`/de/${MUNICIPALITY}/staff`);
  await page.getByRole("link", { name: de.overview.overviewLink, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.overview.heading);
  expect(await rowHeaders(table(page, de.overview.perspectiveCaption))).toEqual(PERSPECTIVES.map((p) => de.perspectives[p]));
  await expect(table(page, de.overview.openNeedsCaption).locator("tbody tr")).toHaveCount(4);
  const months = table(page, de.overview.overTimeCaption).locator("tbody tr");
  expect(await months.count()).toBeGreaterThan(1);
  // Every published dialogue links to its results.
  for (const dialogue of Object.values(DIALOGUES).filter((d) => d.phase !== "DRAFT")) {
    await expect(page.locator(`main a[href$="/${dialogue.slug}/results"]`)).toHaveCount(1);
  }

  const other = await browser.newContext();
  const participantPage = await other.newPage();
  await signIn(participantPage, participant.signInCode);
  const response = await participantPage.goto(`/de/${MUNICIPALITY}/overview`);
  expect(response?.status()).toBe(404);
  await other.close();
});
