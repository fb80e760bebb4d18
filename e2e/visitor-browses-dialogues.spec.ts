// A visitor without an account reads the public pages of the seeded demo municipality: the
// start page, a dialogue and its contributions, in German and in English, with and without
// JavaScript, on a 360 px phone.
import { expect, test, type Page } from "@playwright/test";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";

const MUNICIPALITY = "musterstadt";
const publicDialogues = Object.values(DIALOGUES).filter((dialogue) => dialogue.phase !== "DRAFT");
const draft = DIALOGUES.draft;
const collecting = DIALOGUES.collecting;
const collectingContributions = CONTRIBUTIONS.filter((contribution) => contribution.dialogue === "collecting");
/** Each contribution shows its title in the reader's language where someone translated it. */
function titlesIn(locale: string): Set<string> {
  return new Set(
    collectingContributions.map(
      (contribution) =>
        contribution.translations?.find((translation) => translation.language === locale)?.title ?? contribution.title,
    ),
  );
}

const ui = {
  de: {
    dialogues: "Dialoge",
    contributions: "Beiträge",
    phase: "Phase: Sammeln",
    breakdown: "Unterstützung nach Gruppe",
    perspectives: ["Menschen mit Fluchterfahrung", "Engagierte vor Ort", "Verwaltung", "Ohne Angabe"],
    languages: "Sprache wählen",
    notFound: "Seite nicht gefunden",
  },
  en: {
    dialogues: "Dialogues",
    contributions: "Contributions",
    phase: "Phase: Collecting",
    breakdown: "Support by group",
    perspectives: ["People with lived experience of flight", "Local helpers and groups", "Town staff", "Not stated"],
    languages: "Choose language",
    notFound: "Page not found",
  },
} as const;

async function expectDocumentLanguage(page: Page, lang: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
}

/** Start page → the collecting dialogue → its contributions, in `locale`. */
async function browse(page: Page, locale: keyof typeof ui) {
  const text = ui[locale];
  await page.goto(`/${locale}`);
  await expectDocumentLanguage(page, locale);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const list = page.getByRole("region", { name: text.dialogues });
  await expect(list.getByRole("heading", { name: "Musterstadt" })).toBeVisible();
  for (const dialogue of publicDialogues) {
    await expect(list.getByRole("link", { name: dialogue.title, exact: true })).toBeVisible();
  }
  await expect(page.getByText(draft.title)).toHaveCount(0);

  await list.getByRole("link", { name: collecting.title, exact: true }).click();
  await expect(page).toHaveURL(`/${locale}/${MUNICIPALITY}/${collecting.slug}`);
  await expectDocumentLanguage(page, locale);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(collecting.title);
  await expect(page.getByText(text.phase)).toBeVisible();

  const contributions = page.getByRole("region", { name: text.contributions, exact: true });
  const titles = await contributions.getByRole("heading", { level: 3 }).allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  const seeded = titlesIn(locale);
  for (const title of titles) expect(seeded).toContain(title.trim());

  // Support is broken down by perspective, lived experience first.
  const firstBreakdown = contributions.getByRole("listitem").first().getByLabel(text.breakdown).locator("dt");
  await expect(firstBreakdown).toHaveText(text.perspectives);
}

test.describe("a visitor", () => {
  test("reads the dialogues and contributions in German", async ({ page }) => {
    await browse(page, "de");
  });

  test("reads the dialogues and contributions in English", async ({ page }) => {
    await browse(page, "en");
  });

  test("switches language and stays on the same page", async ({ page }) => {
    await page.goto(`/de/${MUNICIPALITY}/${collecting.slug}`);
    await page.getByRole("navigation", { name: ui.de.languages }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(`/en/${MUNICIPALITY}/${collecting.slug}`);
    await expectDocumentLanguage(page, "en");
  });

  test.describe("whose browser asks for English", () => {
    test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });

    test("lands on the English start page from /", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL("/en");
      await expectDocumentLanguage(page, "en");
    });
  });

  test.describe("whose browser asks for a language we do not have yet", () => {
    test.use({ locale: "ar", extraHTTPHeaders: { "Accept-Language": "ar" } });

    test("lands on the German start page from /", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL("/de");
    });
  });

  test("gets a 404 for a draft, an unknown dialogue and a page past the end", async ({ page }) => {
    for (const path of [
      `/de/${MUNICIPALITY}/${draft.slug}`,
      `/de/${MUNICIPALITY}/gibt-es-nicht`,
      `/de/nirgendwo/${collecting.slug}`,
      `/de/${MUNICIPALITY}/${collecting.slug}?page=999`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await expect(page.getByRole("heading", { name: ui.de.notFound })).toBeVisible();
  });

  test("gets the first page for a page number that is not one", async ({ page }) => {
    for (const value of ["abc", "0", "-1", "1.5"]) {
      const response = await page.goto(`/de/${MUNICIPALITY}/${collecting.slug}?page=${value}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(collecting.title);
    }
  });
});

test.describe("a visitor without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("reads the dialogues and contributions", async ({ page }) => {
    await browse(page, "de");
  });

  test("sees the translated not-found page", async ({ page }) => {
    // Known gap: Next.js 16 sends notFound() pages as an empty shell that only JavaScript
    // fills (vercel/next.js#62228). This test starts passing, and so fails, once it is fixed.
    test.fail(true, "notFound() is rendered on the client only");
    await page.goto(`/de/${MUNICIPALITY}/gibt-es-nicht`);
    await expect(page.getByRole("heading", { name: ui.de.notFound })).toBeVisible({ timeout: 2_000 });
  });

  test("switches language with a plain link", async ({ page }) => {
    await page.goto(`/de/${MUNICIPALITY}/${collecting.slug}`);
    await page.getByRole("navigation", { name: ui.de.languages }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(`/en/${MUNICIPALITY}/${collecting.slug}`);
    await expect(page.getByRole("region", { name: ui.en.contributions, exact: true })).toBeVisible();
  });
});

test.describe("a visitor on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of ["/de", "/en", ...publicDialogues.map((dialogue) => `/de/${MUNICIPALITY}/${dialogue.slug}`)]) {
    test(`scrolls ${path} without scrolling sideways`, async ({ page }) => {
      await page.goto(path);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
    });
  }
});

test("the health check answers 200 and is not cached", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toBe("no-store");
});
