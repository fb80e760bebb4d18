// A town with many dialogues (issue 16): the staff dashboard shows twenty a page, and its
// previous/next links are plain links carrying the page's keyset cursor, so they work without
// JavaScript, in German and in Arabic, on a phone. This spec runs its own production server on a
// database of its own (cloned from the migrated template and seeded like the e2e run's), with 45
// more drafts in Musterstadt: the shared e2e server's dashboard must keep its seeded draft on
// page 1 for the other specs.
import { expect, test, type Browser } from "@playwright/test";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { startOwnApp, type OwnApp } from "./support/own-app";
import { keepScreenshot } from "./support/screenshot";
import { CATALOGUES, signInAs, type SpecLocale } from "./support/sign-in";
import { expectNoSidewaysScrolling } from "./support/layout";

test.describe.configure({ mode: "serial" });

const MUNICIPALITY = "musterstadt";
const STAFF = "Sabine Krüger";
const MORE = 45;
/** A number as Western or Arabic-Indic digits: Arabic may write numbers in its own. */
const digits = (n: number) => `(?:${n}|${[...String(n)].map((digit) => String.fromCharCode(0x660 + Number(digit))).join("")})`;
/** The drafts this spec adds: "Sprachcafé 01" … "Sprachcafé 45", each newer than the one before and than the seeded draft. */
const title = (n: number) => `Sprachcafé ${String(n).padStart(2, "0")}`;

let app: OwnApp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startOwnApp(async (sql) => {
    // Copies of the seeded draft under new names, slugs and times: what staff would have started.
    const { rows } = await sql.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Dialogue'
         AND column_name NOT IN ('id', 'slug', 'title', 'createdAt')`,
    );
    const columns = rows.map((row) => `"${row.column_name}"`);
    await sql.query(
      `INSERT INTO "Dialogue" ("id", "slug", "title", "createdAt", ${columns.join(", ")})
       SELECT gen_random_uuid(), d."slug" || '-' || n, 'Sprachcafé ' || lpad(n::text, 2, '0'), d."createdAt" + n * interval '1 minute',
              ${columns.map((column) => `d.${column}`).join(", ")}
       FROM "Dialogue" d, generate_series(1, $2::int) n WHERE d."slug" = $1`,
      [DIALOGUES.draft.slug, MORE],
    );
  });
});

test.afterAll(async () => {
  await app?.stop();
});

async function phone(browser: Browser) {
  const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  return context.newPage();
}

for (const locale of ["de", "ar"] as const satisfies readonly SpecLocale[]) {
  test(`${locale}: staff page through the town's fifty dialogues with plain links, forwards and back, without JavaScript`, async ({ browser }) => {
    const text = CATALOGUES[locale];
    const pageOf = (page: number) => new RegExp(text.pagination.pageOf.replace("{page}", digits(page)).replace("{pageCount}", digits(3)));
    const page = await phone(browser);
    await signInAs(page, STAFF, locale);
    await page.goto(`/${locale}/${MUNICIPALITY}/dashboard`);
    const list = page.getByRole("region", { name: text.staffDashboard.dialoguesHeading, exact: true });
    const pages = list.getByRole("navigation", { name: text.pagination.label });
    const drafts = page.getByTestId("dashboard-phase-DRAFT");

    // Page 1: the twenty newest drafts; the heading counts all 46 of them.
    await expect(pages).toContainText(pageOf(1));
    await expect(drafts.getByRole("heading", { level: 3 })).toContainText(new RegExp(`\\(${digits(46)}\\)`));
    await expect(drafts.getByRole("link", { name: title(45), exact: true })).toBeVisible();
    await expect(drafts.getByRole("link", { name: title(26), exact: true })).toBeVisible();
    await expect(drafts.getByRole("link", { name: title(25), exact: true })).toHaveCount(0);
    await expect(pages.getByRole("link", { name: text.pagination.previous })).toHaveCount(0);

    // Next: a plain link with the last row's cursor, landing on the list.
    await pages.getByRole("link", { name: text.pagination.next }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/${MUNICIPALITY}/dashboard\\?page=2&after=[A-Za-z0-9_-]+#by-phase$`));
    await expect(pages).toContainText(pageOf(2));
    await expect(drafts.getByRole("link", { name: title(25), exact: true })).toBeVisible();
    await expect(drafts.getByRole("link", { name: title(6), exact: true })).toBeVisible();
    await expect(drafts.getByRole("link", { name: title(26), exact: true })).toHaveCount(0);

    // Page 3: the last drafts, the seeded one, and the published dialogues by phase.
    await pages.getByRole("link", { name: text.pagination.next }).click();
    await expect(pages).toContainText(pageOf(3));
    await expect(drafts.getByRole("link", { name: title(5), exact: true })).toBeVisible();
    await expect(drafts.getByRole("link", { name: DIALOGUES.draft.title, exact: true })).toBeVisible();
    await expect(page.getByTestId("dashboard-phase-COLLECTING").getByRole("link", { name: DIALOGUES.collecting.title, exact: true })).toBeVisible();
    await expect(pages.getByRole("link", { name: text.pagination.next })).toHaveCount(0);
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `dashboard-page-3-${locale}`);

    // Back: the previous link carries the first row's cursor and gives page 2 again.
    await pages.getByRole("link", { name: text.pagination.previous }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/${MUNICIPALITY}/dashboard\\?page=2&before=[A-Za-z0-9_-]+#by-phase$`));
    await expect(pages).toContainText(pageOf(2));
    await expect(drafts.getByRole("link", { name: title(25), exact: true })).toBeVisible();
    await expect(drafts.getByRole("link", { name: title(6), exact: true })).toBeVisible();
    await expect(drafts.getByRole("link", { name: title(5), exact: true })).toHaveCount(0);
    await keepScreenshot(page, `dashboard-page-2-${locale}`);
    await pages.getByRole("link", { name: text.pagination.previous }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/${MUNICIPALITY}/dashboard#by-phase$`));
    await expect(drafts.getByRole("link", { name: title(45), exact: true })).toBeVisible();
  });
}
