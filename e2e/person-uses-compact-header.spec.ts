// The header on a 360 px phone is one row — the site's name, one language control, the
// person's controls — so the page's title is on the first screen, in German and in Arabic (right
// to left), signed out and signed in as staff, without JavaScript. A chosen language is
// remembered. Staff reach "Start a new dialogue" and their drafts by clicking from the home
// page. Screenshots of the pages this changed go to the test's output (and SHOTS_DIR if set).
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import sharp from "sharp";
import en from "../messages/en.json" with { type: "json" };
import { DIALOGUES } from "../prisma/seed/dialogues";
import { openLanguageMenu } from "./support/header-menus";
import { CATALOGUES, signInAs, type SpecLocale } from "./support/sign-in";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

const MUNICIPALITY = "musterstadt";
const STAFF = "Sabine Krüger";
const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
const desktop = { viewport: { width: 1280, height: 800 } } as const;

/** Every visible control of the header sits on one line, and the header is about one line high. */
async function expectHeaderInOneRow(page: Page) {
  const header = page.getByTestId("site-header");
  const box = (await header.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(64);
  const rows = await header.evaluate((element) => {
    const controls = [...element.querySelectorAll("a, summary")].filter((control) => {
      const rect = control.getBoundingClientRect();
      // A closed disclosure's links are not rendered (content-visibility: hidden).
      return rect.width > 0 && rect.height > 0 && control.checkVisibility({ visibilityProperty: true });
    });
    return controls.map((control) => Math.round(control.getBoundingClientRect().top + control.getBoundingClientRect().height / 2));
  });
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(4);
  await expectNoSidewaysScrolling(page, page.viewportSize()!.width);
  // The page's title is on the first screen.
  const title = (await page.getByRole("heading", { level: 1 }).first().boundingBox())!;
  expect(title.y + title.height).toBeLessThanOrEqual(page.viewportSize()!.height);
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await keepScreenshot(page, name, { file: testInfo.outputPath(`${name}.png`) });
}

for (const locale of ["de", "ar"] as const satisfies SpecLocale[]) {
  const text = CATALOGUES[locale];

  test.describe(`on a 360 px phone without JavaScript (${locale})`, () => {
    test.use(phone);

    test("a visitor's header is one row, with 'I have a code' beside 'Sign in', also on the home page", async ({ page }, testInfo) => {
      await page.goto(`/${locale}`);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      const header = page.getByTestId("site-header");
      await expect(header.getByRole("link", { name: text.session.signIn, exact: true })).toBeVisible();
      await expect(header.getByRole("link", { name: text.session.haveCode, exact: true })).toBeVisible();
      await expectHeaderInOneRow(page);
      await shoot(page, testInfo, `home-${locale}`);

      // On the home page too, next to each other; "I have a code" leads to the join page.
      const main = page.locator("main");
      await expect(main.getByRole("link", { name: text.session.signIn, exact: true })).toBeVisible();
      await main.getByRole("link", { name: text.session.haveCode, exact: true }).click();
      await expect(page).toHaveURL(`/${locale}/join`);
      await expectHeaderInOneRow(page);

      await page.goto(`/${locale}/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`);
      await expectHeaderInOneRow(page);

      // The languages: behind one control, each named in itself with its own lang and dir.
      await page.goto(`/${locale}`);
      await openLanguageMenu(page);
      const languages = page.getByRole("navigation", { name: text.layout.languages });
      await expect(languages.getByRole("link", { name: "فارسی" })).toBeVisible();
      await expect(languages.locator('li[lang="fa"]')).toHaveAttribute("dir", "rtl");
      await expect(languages.locator('li[lang="uk"]')).toHaveAttribute("dir", "ltr");
      // Every language, left-to-right and right-to-left, is within the screen.
      const outside = await languages.evaluate((nav) =>
        [...nav.querySelectorAll("li")].filter((item) => {
          const rect = item.getBoundingClientRect();
          return rect.left < 0 || rect.right > window.innerWidth;
        }).length,
      );
      expect(outside).toBe(0);
      await shoot(page, testInfo, `language-menu-${locale}`);
    });

    test("staff's header is one row with 'Dashboard'; from the home page they reach 'Start a new dialogue' and their drafts", async ({ page }, testInfo) => {
      await signInAs(page, STAFF, locale);
      await expectHeaderInOneRow(page);
      await page.getByTestId("site-header").getByRole("link", { name: text.session.dashboard, exact: true }).click();
      await expect(page).toHaveURL(`/${locale}/${MUNICIPALITY}/dashboard`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.staffDashboard.title);
      await expect(page.getByRole("link", { name: text.municipality.newDialogue })).toBeVisible();
      await expect(page.getByTestId("dashboard-phase-DRAFT").getByRole("link", { name: DIALOGUES.draft.title })).toBeVisible();
      await expectHeaderInOneRow(page);
      await shoot(page, testInfo, `dashboard-${locale}`);

      // The other way: the home page's municipality heading leads to its page, with drafts and the dashboard.
      await page.goto(`/${locale}`);
      await page.locator("main").getByRole("heading", { level: 3 }).getByRole("link").first().click();
      await expect(page).toHaveURL(`/${locale}/${MUNICIPALITY}`);
      await expect(page.getByRole("link", { name: DIALOGUES.draft.title })).toBeVisible();
      await shoot(page, testInfo, `municipality-${locale}`);
      await page.getByRole("link", { name: text.municipality.newDialogue }).click();
      await expect(page).toHaveURL(`/${locale}/${MUNICIPALITY}/dialogues/new`);

      await page.goto(`/${locale}/${MUNICIPALITY}/branding`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.branding.title);
      await shoot(page, testInfo, `branding-${locale}`);
    });
  });
}

test.describe("branding, on a phone without JavaScript", () => {
  test.use(phone);

  test("staff are told next to the field when white text cannot be read on the accent, then set a dark one and a logo", async ({ page }) => {
    const de = CATALOGUES.de;
    await signInAs(page, STAFF, "de");
    await page.goto(`/de/${MUNICIPALITY}/branding`);
    const accent = page.getByLabel(de.branding.accent, { exact: true });
    await accent.fill("#ffdd00");
    await page.getByRole("button", { name: de.branding.submit }).click();
    const refusal = de.validation.accentTooLight.slice(0, de.validation.accentTooLight.indexOf("{ratio"));
    // Next to the field (its description), with the ratio it reaches.
    const fieldMessage = page.locator(`[id="${(await accent.getAttribute("aria-describedby"))!.split(" ").at(-1)}"]`);
    await expect(fieldMessage).toContainText(refusal);
    await expect(fieldMessage).toContainText("1,3 : 1");
    await expect(accent).toHaveAttribute("aria-invalid", "true");

    const logo = await sharp({ create: { width: 300, height: 100, channels: 3, background: "#ffffff" } }).jpeg().withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 12/1" } }).toBuffer();
    await page.getByLabel(de.branding.accent, { exact: true }).fill("#6b2c91");
    await page.getByLabel(de.branding.logo, { exact: true }).setInputFiles({ name: "wappen.jpg", mimeType: "image/jpeg", buffer: logo });
    await page.getByRole("button", { name: de.branding.submit }).click();
    await expect(page.getByText(de.branding.saved)).toBeVisible();

    // The accent reaches the page through the nonced style (the CSP refuses any other), the logo from our origin.
    await page.goto(`/de/${MUNICIPALITY}`);
    const banner = page.getByTestId("municipality-banner");
    await expect(banner).toHaveCSS("background-color", "rgb(107, 44, 145)");
    const src = await banner.locator("img").getAttribute("src");
    expect(src).toMatch(/^\/api\/municipalities\/[0-9a-f-]+\/logo\?v=\d+$/);
    const served = await page.request.get(src!);
    expect(served.headers()["content-type"]).toBe("image/png");
    expect((await sharp(await served.body()).metadata()).exif).toBeUndefined();
  });
});

test.describe("on a 1280 px desktop", () => {
  test.use(desktop);

  test("the header is one row and the dashboard uses the width", async ({ page }) => {
    await page.goto("/de");
    await expectHeaderInOneRow(page);
    await signInAs(page, STAFF, "de");
    await expectHeaderInOneRow(page);
    await page.getByTestId("site-header").getByRole("link", { name: CATALOGUES.de.session.dashboard, exact: true }).click();
    await expect(page.getByRole("link", { name: CATALOGUES.de.municipality.newDialogue })).toBeVisible();
    const main = (await page.locator("main").boundingBox())!;
    expect(main.width).toBeGreaterThan(1000);
  });
});

test.describe("a chosen language", () => {
  test.use({ ...phone, locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9" } });

  test("is remembered: '/' opens in it next time, whatever the browser asks for", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/de");
    await openLanguageMenu(page);
    await page.getByRole("navigation", { name: CATALOGUES.de.layout.languages }).getByRole("link", { name: "العربية" }).click();
    await expect(page).toHaveURL("/ar");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await page.goto("/");
    await expect(page).toHaveURL("/ar");
    await page.goto(`/${MUNICIPALITY}`);
    await expect(page).toHaveURL(`/ar/${MUNICIPALITY}`);
  });

  test("is stored for a signed-in person, and a shared link in another language changes nothing", async ({ page, context }) => {
    await signInAs(page, STAFF, "de");
    await page.goto(`/de/${MUNICIPALITY}`);
    await openLanguageMenu(page);
    await page.getByRole("navigation", { name: CATALOGUES.de.layout.languages }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(`/en/${MUNICIPALITY}`);
    // A link someone shared in Arabic opens in Arabic, and the choice stays English.
    await page.goto(`/ar/${MUNICIPALITY}`);
    await page.goto("/");
    await expect(page).toHaveURL("/en");
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === "mitreden-language")?.value).toBe("en");
    // Stored with the account too: the account page's language field says English.
    await page.goto("/en/account");
    await expect(page.locator('input[type="radio"][name="locale"][value="en"]')).toBeChecked();
    // Back to German for the specs that share this account.
    await openLanguageMenu(page);
    await page.getByRole("navigation", { name: en.layout.languages }).getByRole("link", { name: "Deutsch" }).click();
    await expect(page).toHaveURL("/de/account");
  });
});
