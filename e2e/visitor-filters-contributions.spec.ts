// A visitor without JavaScript (a cheap phone, data saver on) narrows a dialogue's
// contributions: by kind, by a word in any script, both at once; the URL carries the choice,
// and "reset" brings the whole list back.
import { expect, test, type Page } from "@playwright/test";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";

const dialogue = DIALOGUES.collecting;
const path = `/de/musterstadt/${dialogue.slug}`;
const seeded = CONTRIBUTIONS.filter((contribution) => contribution.dialogue === "collecting");
const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
const containing = (word: string) => seeded.filter((c) => words(`${c.title} ${c.body}`).includes(word.toLowerCase()));
const proposals = seeded.filter((contribution) => contribution.kind === "PROPOSAL");

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

async function openFilters(page: Page) {
  await page.getByText("Suchen und filtern").click();
}

const items = (page: Page) => page.locator("section[aria-labelledby=contributions] > ol > li");

/**
 * The whole list is back: every seeded contribution is listed. Other specs post needs into the
 * same dialogue while this one runs, so the unfiltered list may hold more than the seed.
 */
async function expectWholeList(page: Page) {
  for (const contribution of seeded) {
    // German readers see a German translation's title where one exists.
    const title = contribution.translations?.find((translation) => translation.language === "de")?.title ?? contribution.title;
    await expect(items(page).filter({ has: page.getByRole("link", { name: title, exact: true }) })).toHaveCount(1);
  }
}

test.describe("a visitor without JavaScript", () => {
  test("filters by kind; the URL carries the filter and reset brings everything back", async ({ page }) => {
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.length).toBeLessThan(seeded.length);
    await page.goto(path);
    await expectWholeList(page);

    await openFilters(page);
    await page.getByLabel("Art", { exact: true }).selectOption({ label: "Vorschlag" });
    await page.getByRole("button", { name: "Anzeigen" }).click();

    await expect(page).toHaveURL(/[?&]kind=PROPOSAL(&|$)/);
    await expect(page.getByText(`${proposals.length} Beiträge gefunden`)).toBeVisible();
    await expect(items(page)).toHaveCount(proposals.length);
    // The summary names the active filter while the form stays folded away.
    await expect(page.locator("section[aria-labelledby=contributions] summary")).toContainText("Vorschlag");

    await openFilters(page);
    await page.getByRole("link", { name: "Alle Filter zurücksetzen" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expectWholeList(page);
  });

  test("searches German and Arabic words, alone and with a filter", async ({ page }) => {
    const german = "Wohnungsbörse";
    const arabic = "شقة";
    expect(containing(german).length).toBeGreaterThan(0);
    expect(containing(arabic).length).toBeGreaterThan(0);

    await page.goto(path);
    await openFilters(page);
    await page.getByLabel("Suche in Titel und Text").fill(german);
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(german)}`));
    await expect(items(page)).toHaveCount(containing(german).length);
    await expect(items(page).first()).toContainText(containing(german)[0]?.title ?? "");

    await openFilters(page);
    await expect(page.getByLabel("Suche in Titel und Text")).toHaveValue(german);
    await page.getByLabel("Suche in Titel und Text").fill(arabic);
    await page.getByLabel("Art", { exact: true }).selectOption({ label: "Bedarf" });
    await page.getByRole("button", { name: "Anzeigen" }).click();
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe(arabic);
    expect(url.searchParams.get("kind")).toBe("NEED");
    await expect(items(page)).toHaveCount(containing(arabic).filter((c) => c.kind === "NEED").length);
  });

  test("sees a plain message and a way back when nothing matches", async ({ page }) => {
    await page.goto(`${path}?q=Quantenchromodynamik&kind=NEED`);
    await expect(page.getByText("Keine Beiträge gefunden")).toBeVisible();
    await expect(page.getByText("Kein Beitrag passt zu Ihrer Suche.")).toBeVisible();
    await page.getByRole("link", { name: "Alle Filter zurücksetzen" }).first().click();
    await expectWholeList(page);
  });

  test("opens an old link with unknown filter values and gets the whole list", async ({ page }) => {
    const response = await page.goto(`${path}?kind=RANT&theme=gone&status=NOPE&language=xx&sort=loudest`);
    expect(response?.status()).toBe(200);
    await expectWholeList(page);
  });
});
