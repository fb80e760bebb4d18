// A participant without JavaScript, on a 360 px phone, in German and in Arabic: from the
// municipality's page to a dialogue, on to its district map (decision 049), sees the map and the
// same numbers as a table, follows a district to the dialogue's list filtered by it, and the list
// holds exactly that district's contributions. A district named by fewer than 5 contributions
// lists nothing and says why. The map's labels, measured in the browser's real fonts, neither
// overlap nor leave the map (lib/districts/place-labels.ts estimates them on the server).
import { expect, test, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { DISTRICTS } from "../prisma/seed/districts";
import { keepScreenshot } from "./support/screenshot";

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const CATALOGUES = { de, ar } as const;
const dialogue = DIALOGUES.collecting;
const seeded = CONTRIBUTIONS.filter((contribution) => contribution.dialogue === "collecting");
const districtNamed = (german: string) => DISTRICTS.find((district) => district.names.de === german)!;
/** Weststadt: five of the demo's contributions name it, so it is counted and listed. */
const shown = districtNamed("Weststadt");
/** Altstadt: one does, so it is "few". */
const few = districtNamed("Altstadt");
const inDistrict = (german: string) => seeded.filter((contribution) => contribution.district === german);

/** 5 in Western or Arabic-Indic digits, as the reader's locale writes it. */
const FIVE = /^(5|٥)$/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const items = (page: Page) => page.locator("section[aria-labelledby=contributions] > ol > li");
const mapTable = (page: Page) => page.locator("section[aria-labelledby=districts] [data-testid=district-map] table");

/** The title a reader in `locale` sees in the list: their language's translation where one exists. */
const titleIn = (locale: string, contribution: (typeof seeded)[number]) =>
  contribution.translations?.find((translation) => translation.language === locale)?.title ?? contribution.title;

for (const locale of ["de", "ar"] as const) {
  const t = CATALOGUES[locale].districtMap;
  const name = (district: typeof shown) => district.names[locale] ?? district.names.de!;

  test(`in ${locale}: from the municipality's page to the district map, and a district to its list`, async ({ page }) => {
    expect(inDistrict(shown.names.de!)).toHaveLength(5);
    expect(inDistrict(few.names.de!)).toHaveLength(1);

    await page.goto(`/${locale}/musterstadt`);
    await page.locator(`main a[href$="/musterstadt/${dialogue.slug}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/musterstadt/${dialogue.slug}$`));
    await page.getByRole("link", { name: t.heading, exact: true }).click();
    await expect(page).toHaveURL(/#districts$/);

    // The map: a drawing with a region per district, and the same numbers as a table.
    const map = page.locator("section[aria-labelledby=districts] [data-testid=district-map] svg").first();
    await expect(map).toBeVisible();
    await expect(map.locator("path")).toHaveCount(DISTRICTS.length);
    // Every district is a row (staff may be adding one in e2e/staff-orders-and-deletes-district.spec.ts meanwhile).
    for (const district of DISTRICTS) await expect(mapTable(page).locator("tbody th", { hasText: name(district) })).toHaveCount(1);
    const shownRow = mapTable(page).locator("tbody tr", { has: page.getByRole("link", { name: name(shown), exact: true }) });
    await expect(shownRow.locator("td").last()).toHaveText(FIVE);
    const fewRow = mapTable(page).locator("tbody tr", { has: page.getByRole("link", { name: name(few), exact: true }) });
    await expect(fewRow.locator("td").last()).toHaveText(new RegExp(`^${escape(t.few).replace("\\{threshold\\}", FIVE.source.slice(1, -1))}$`));
    expect(await labelsApartAndInside(page)).toEqual({ labels: DISTRICTS.length, overlapping: [], outside: [] });
    await page.locator("section[aria-labelledby=districts]").scrollIntoViewIfNeeded();
    await keepScreenshot(page, `district-map-${locale}`);
    await map.screenshot({ path: test.info().outputPath(`district-map-drawing-${locale}.png`) });

    // A district to its list: exactly its five contributions.
    await shownRow.getByRole("link").click();
    await expect(page).toHaveURL(/[?&]district=[0-9a-f-]{36}/);
    await expect(items(page)).toHaveCount(5);
    for (const contribution of inDistrict(shown.names.de!)) {
      await expect(items(page).filter({ has: page.getByRole("link", { name: titleIn(locale, contribution), exact: true }) })).toHaveCount(1);
    }
    await keepScreenshot(page, `district-list-${locale}`);

    // Each of them names the district on its own page, as a link back to the same list.
    await items(page).first().locator('a[href*="/c/"]').first().click();
    await expect(page.getByRole("link", { name: name(shown), exact: true })).toHaveAttribute("href", /[?&]district=/);

    // A district that is "few": no list by it, and the reason instead of a count.
    await page.goto(`/${locale}/musterstadt/${dialogue.slug}#districts`);
    await fewRow.getByRole("link").click();
    await expect(page.getByTestId("district-few")).toBeVisible();
    await expect(items(page)).toHaveCount(0);
    await keepScreenshot(page, `district-few-${locale}`);
  });
}

/** The map's labels as the browser drew them: how many, which overlap, which leave the viewBox. */
async function labelsApartAndInside(page: Page) {
  return page.locator("section[aria-labelledby=districts] [data-testid=district-map] svg").first().evaluate((svg: SVGSVGElement) => {
    const { width, height } = svg.viewBox.baseVal;
    const boxes = [...svg.querySelectorAll<SVGGraphicsElement>("[data-label]")].map((label, index) => ({ index, box: label.getBBox() }));
    const overlapping: string[] = [];
    for (const { index, box } of boxes) {
      for (const other of boxes.filter((candidate) => candidate.index > index)) {
        const b = other.box;
        if (box.x < b.x + b.width && b.x < box.x + box.width && box.y < b.y + b.height && b.y < box.y + box.height) overlapping.push(`${index}×${other.index}`);
      }
    }
    const outside = boxes.filter(({ box }) => box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height).map(({ index }) => index);
    return { labels: boxes.length, overlapping, outside };
  });
}
