// A town with many dialogues (issue 16, decision 070): its public page shows twenty a page, and
// its previous/next links are plain links carrying the page's keyset cursor (the dashboard's), so
// they work without JavaScript, in German and in Arabic, on a phone; each page of the list is
// served from the page cache to the next anonymous reader. This spec runs its own production
// server on a database of its own (e2e/support/own-app), with 45 more open dialogues in
// Musterstadt: other specs count on the shared server's municipality page as seeded.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { startOwnApp, type OwnApp } from "./support/own-app";
import { keepScreenshot } from "./support/screenshot";
import { CATALOGUES, type SpecLocale } from "./support/sign-in";
import { expectNoSidewaysScrolling } from "./support/layout";

test.describe.configure({ mode: "serial" });

const MUNICIPALITY = "musterstadt";
const MORE = 45;
/** A number as Western or Arabic-Indic digits: Arabic may write numbers in its own. */
const digits = (n: number) => `(?:${n}|${[...String(n)].map((digit) => String.fromCharCode(0x660 + Number(digit))).join("")})`;
/** The dialogues this spec adds: "Sprachcafé 01" … "Sprachcafé 45", each newer than the one before and than the seeded open one. */
const title = (n: number) => `Sprachcafé ${String(n).padStart(2, "0")}`;
/** The published dialogues: the seeded four and the 45 added. */
const PUBLISHED = 4 + MORE;

let app: OwnApp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startOwnApp(async (sql) => {
    // Copies of the seeded open dialogue under new names, slugs and times, through the doors the
    // app uses: each starts as a draft, gets the seeded one's host team, then opens.
    const columnsOf = async (table: string, except: string[]) =>
      (
        await sql.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND NOT (column_name = ANY($2))`,
          [table, except],
        )
      ).rows.map((row) => `"${row.column_name}"`);
    const dialogue = await columnsOf("Dialogue", ["id", "slug", "title", "createdAt", "phase"]);
    await sql.query(
      `INSERT INTO "Dialogue" ("id", "slug", "title", "createdAt", "phase", ${dialogue.join(", ")})
       SELECT gen_random_uuid(), d."slug" || '-' || n, 'Sprachcafé ' || lpad(n::text, 2, '0'), d."createdAt" + n * interval '1 minute', 'DRAFT',
              ${dialogue.map((column) => `d.${column}`).join(", ")}
       FROM "Dialogue" d, generate_series(1, $2::int) n WHERE d."slug" = $1`,
      [DIALOGUES.collecting.slug, MORE],
    );
    const membership = await columnsOf("Membership", ["id", "dialogueId", "invitationId"]);
    await sql.query(
      `INSERT INTO "Membership" ("id", "dialogueId", ${membership.join(", ")})
       SELECT gen_random_uuid(), copy."id", ${membership.map((column) => `m.${column}`).join(", ")}
       FROM "Dialogue" d JOIN "Membership" m ON m."dialogueId" = d."id" AND m."role" IN ('HOST', 'CO_HOST')
       JOIN "Dialogue" copy ON copy."slug" LIKE d."slug" || '-%' AND copy."phase" = 'DRAFT'
       WHERE d."slug" = $1`,
      [DIALOGUES.collecting.slug],
    );
    await sql.query(`UPDATE "Dialogue" SET "phase" = 'COLLECTING' WHERE "slug" LIKE $1 || '-%' AND "phase" = 'DRAFT'`, [DIALOGUES.collecting.slug]);
  });
});

test.afterAll(async () => {
  await app?.stop();
});

async function phone(browser: Browser) {
  const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  return context.newPage();
}

/** The page again, as the next anonymous reader gets it: from the page cache. */
async function fromCache(page: Page) {
  const response = await page.reload();
  expect(response?.headers()["x-mitreden-cache"]).toBe("hit");
}

for (const locale of ["de", "ar"] as const satisfies readonly SpecLocale[]) {
  test(`${locale}: a reader pages through the town's fifty dialogues with plain links, forwards and back, without JavaScript`, async ({ browser }) => {
    const text = CATALOGUES[locale];
    const pageOf = (page: number) => new RegExp(text.pagination.pageOf.replace("{page}", digits(page)).replace("{pageCount}", digits(3)));
    const page = await phone(browser);
    await page.goto(`/${locale}/${MUNICIPALITY}`);
    const list = page.getByRole("region", { name: new RegExp(`^${text.municipality.dialoguesHeading} \\(${digits(PUBLISHED)}\\)$`) });
    const pages = page.getByRole("navigation", { name: text.pagination.label });
    const link = (n: number) => list.getByRole("link", { name: title(n), exact: true });
    /** Page 2, reached by a link carrying the cursor `by` (`after` forwards, `before` back): "Sprachcafé 25" to "06". */
    const onPageTwo = async (by: "after" | "before") => {
      await expect(page).toHaveURL(new RegExp(`/${locale}/${MUNICIPALITY}\\?page=2&${by}=[A-Za-z0-9_-]+#list$`));
      await expect(pages).toContainText(pageOf(2));
      await expect(link(25)).toBeVisible();
      await expect(link(6)).toBeVisible();
      await expect(link(26)).toHaveCount(0);
      await expect(link(5)).toHaveCount(0);
    };

    // Page 1: the twenty newest open dialogues; the heading counts all the published ones. No drafts for a reader.
    await expect(pages).toContainText(pageOf(1));
    await expect(list).toBeVisible();
    await expect(page.getByRole("region", { name: new RegExp(text.municipality.draftsHeading) })).toHaveCount(0);
    await expect(link(45)).toBeVisible();
    await expect(link(26)).toBeVisible();
    await expect(link(25)).toHaveCount(0);
    await expect(pages.getByRole("link", { name: text.pagination.previous })).toHaveCount(0);
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `municipality-page-1-${locale}`);

    // Next: a plain link with the last row's cursor, landing on the list.
    await pages.getByRole("link", { name: text.pagination.next }).click();
    await onPageTwo("after");
    await fromCache(page);
    await expect(link(25)).toBeVisible();
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `municipality-page-2-${locale}`);

    // Page 3: the last added ones, then the seeded ones by phase.
    await pages.getByRole("link", { name: text.pagination.next }).click();
    await expect(pages).toContainText(pageOf(3));
    await expect(link(5)).toBeVisible();
    await expect(link(1)).toBeVisible();
    for (const seeded of [DIALOGUES.collecting, DIALOGUES.deliberating, DIALOGUES.responding, DIALOGUES.closed]) {
      await expect(list.locator(`a[href="/${locale}/${MUNICIPALITY}/${seeded.slug}"]`)).toBeVisible();
    }
    await expect(pages.getByRole("link", { name: text.pagination.next })).toHaveCount(0);

    // Back: the previous link carries the first row's cursor and gives page 2 again.
    await pages.getByRole("link", { name: text.pagination.previous }).click();
    await onPageTwo("before");
    await pages.getByRole("link", { name: text.pagination.previous }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/${MUNICIPALITY}#list$`));
    await expect(link(45)).toBeVisible();
  });
}
