// WCAG 2.1 AA with axe on every page in every UI language, signed out and signed in, and again
// after the interactions that change what is on screen (form errors, the opened filter), at
// 360 px: every page is also checked for sideways scrolling. Each language is one test with one
// browser context, so they run in parallel; all pages of a language are checked even when one
// fails, and the failure lists every violation.
//
// Cost (decision 028): 14 languages in the time 7 took. Measured per page on the 2-core CI
// machine: @axe-core/playwright's analyze() 0.86 s, of which most is its frame protocol (it
// opens a blank page per call to merge frame results); injecting axe-core ourselves and calling
// axe.run for violations only costs 0.12 s + 0.24 s. Our pages have no frames (asserted below),
// so nothing is lost. Colour contrast is 60 % of a run and depends only on CSS colours and the
// font stack, which differ by script, not by language: it runs in German, Arabic (Arabic-script
// stack, rtl) and Tigrinya (Ethiopic stack); every other rule runs in every language, since
// names, labels, titles and lang attributes come from each catalogue.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";
import ar from "../messages/ar.json" with { type: "json" };
import deSimple from "../messages/de-simple.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import en from "../messages/en.json" with { type: "json" };
import fa from "../messages/fa.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };
import kmr from "../messages/kmr.json" with { type: "json" };
import prs from "../messages/prs.json" with { type: "json" };
import ps from "../messages/ps.json" with { type: "json" };
import ru from "../messages/ru.json" with { type: "json" };
import so from "../messages/so.json" with { type: "json" };
import ti from "../messages/ti.json" with { type: "json" };
import tr from "../messages/tr.json" with { type: "json" };
import uk from "../messages/uk.json" with { type: "json" };
import { locales, type AppLocale } from "../lib/i18n/routing";
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";
import { askClosedPoll } from "./support/polls";

type Catalogue = { [key: string]: string | Catalogue };
// What each page shows: a key not yet translated falls back to German (lib/i18n/messages.ts).
function withFallback(fallback: Catalogue, messages: Catalogue): Catalogue {
  const merged: Catalogue = { ...fallback };
  for (const [key, value] of Object.entries(messages)) {
    const base = merged[key];
    merged[key] = typeof value === "object" && typeof base === "object" ? withFallback(base, value) : value;
  }
  return merged;
}
const SOURCES: Record<AppLocale, Catalogue> = { de, en, ar, fa, prs, ps, uk, tr, ru, kmr, ti, so, fr, "de-simple": deSimple };
const CATALOGUES = Object.fromEntries(locales.map((locale) => [locale, withFallback(de, SOURCES[locale])])) as unknown as Record<AppLocale, typeof de>;
type Locale = AppLocale;

/**
 * One language per font stack in app/globals.css (Latin, Arabic script right to left, Ethiopic):
 * there colour contrast is checked, and every page is swept — the team's pages and every
 * district's list as well. In the other languages the sweep covers what participants read and
 * fill in, signed out and signed in (decision 028, amended in 059: the whole sweep in 14
 * languages had grown to 40 % of the end-to-end run).
 */
const EVERY_PAGE_LOCALES: ReadonlySet<Locale> = new Set(["de", "ar", "ti"]);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const MUNICIPALITY = "musterstadt";
const PUBLIC_DIALOGUES = Object.values(DIALOGUES).filter((dialogue) => dialogue.phase !== "DRAFT");
const COLLECTING = DIALOGUES.collecting.slug;
const participant = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;
const staff = DEMO_ACCOUNTS.find((account) => account.displayName === "Sabine Krüger")!;
const moderator = DEMO_ACCOUNTS.find((account) => account.displayName === "Miriam Hoffmann")!;
const invitation = INVITATIONS.find((seed) => seed.dialogue === "collecting")!;

test.describe.configure({ mode: "parallel" });

// A poll of its own (the seed has none), so the polls page shows results and a poll's texts page
// (/texts/poll/<id>, where volunteers translate it) can be swept; once per worker.
let poll: { id: string; question: string };
test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  poll = await askClosedPoll(browser);
});

async function axe(page: Page, contrast: boolean): Promise<AxeResults["violations"]> {
  expect(page.frames(), "a page with frames needs @axe-core/playwright's frame handling").toHaveLength(1);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    ([tags, contrast]) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        rules: { "color-contrast": { enabled: contrast } },
        resultTypes: ["violations"],
      }),
    [WCAG_TAGS, contrast] as const,
  );
  return results.violations;
}

/** Runs axe and the page-structure checks; records failures softly so every page gets checked. */
async function check(page: Page, label: string, locale: Locale) {
  const violations = await axe(page, EVERY_PAGE_LOCALES.has(locale));
  const report = violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n");
      return `  ${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n${targets}`;
    })
    .join("\n");
  // Compared as text, so the failure shows each violation's id, help and targets, not an object dump.
  expect.soft(report, `${label} (${page.url()}) has axe violations`).toBe("");
  await expect.soft(page.locator("main"), `${label}: exactly one main`).toHaveCount(1);
  expect.soft(await page.locator("h1").count(), `${label}: exactly one h1`).toBe(1);
  await expect.soft(page.locator('a[href="#main"]'), `${label}: a skip link to #main`).toHaveCount(1);
  await expect.soft(page.locator("main#main"), `${label}: the skip link targets the main landmark`).toHaveCount(1);
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${label}: no sideways scrolling at 360 px`).toBeLessThanOrEqual(360);
}

async function visit(page: Page, path: string, label: string, locale: Locale) {
  await page.goto(path);
  await check(page, label, locale);
}

async function signIn(page: Page, locale: Locale, code: string) {
  await page.goto(`/${locale}/sign-in`);
  await submitSignIn(page, locale, code);
}

/** Signs in on the sign-in page the browser shows. */
async function submitSignIn(page: Page, locale: Locale, code: string) {
  // The first form signs in; a second one below it takes a receipt's code.
  await page.locator('input[name="code"]').first().fill(code);
  await page.getByRole("button", { name: CATALOGUES[locale].signIn.submit, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

// Label in Name (2.5.3): some links and buttons show a short word and give screen readers a longer
// name through a visually hidden span ("Revoke" / "Revoke invitation K7MQ-4HTP"). axe checks this
// only for aria-label, so here: the longer name must contain the visible words, or people who
// steer by voice ("click Revoke") cannot reach the control.
const SHORT_AND_FULL_NAMES = [
  ["poster", "posterFor"],
  ["revoke", "revokeFor"],
] as const;

for (const locale of Object.keys(CATALOGUES) as Locale[]) {
  test(`in ${locale}, the screen-reader names of invitation controls contain their visible words`, () => {
    const invitations = CATALOGUES[locale].invitations;
    for (const [short, full] of SHORT_AND_FULL_NAMES) {
      expect(invitations[full].toLocaleLowerCase(locale), `${locale}: invitations.${full}`).toContain(invitations[short].toLocaleLowerCase(locale));
    }
  });

  test(`${EVERY_PAGE_LOCALES.has(locale) ? "every page" : "every participant page"} in ${locale} meets WCAG 2.1 AA`, async ({ browser }) => {
    test.setTimeout(EVERY_PAGE_LOCALES.has(locale) ? 360_000 : 240_000);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const base = `/${locale}/${MUNICIPALITY}`;

    await visit(page, `/${locale}`, "start page", locale);
    await visit(page, base, "municipality page", locale);
    for (const dialogue of PUBLIC_DIALOGUES.filter(({ slug }) => slug !== COLLECTING)) await visit(page, `${base}/${dialogue.slug}`, `dialogue ${dialogue.slug}`, locale);
    await visit(page, `${base}/${DIALOGUES.responding.slug}/results`, "results page", locale);

    // The collecting dialogue is loaded once: checked as it comes, then with its filter open;
    // its district map and its list give the addresses of the pages below.
    await visit(page, `${base}/${COLLECTING}`, `dialogue ${COLLECTING}`, locale);
    // The district map's table links each district to the list filtered by it — one counted, one "few" (decision 049).
    const districtLists = await page.locator("section[aria-labelledby=districts] table a").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    expect(districtLists.length, "the demo's district map links each district").toBeGreaterThan(1);
    // Links are followed by loading their address: after a client-side navigation Next.js sets
    // the <title> a moment later, and axe would race it.
    const contributionPath = (await page.locator('main a[href*="/c/"]').first().getAttribute("href"))!;
    await page.locator("details:has(form[role=search]) > summary").click();
    await expect(page.locator("form[role=search]")).toBeVisible();
    await check(page, "dialogue page with the filter open", locale);

    // The same page for each district: all of them where every page is swept, the first elsewhere.
    const swept = EVERY_PAGE_LOCALES.has(locale) ? districtLists : districtLists.slice(0, 1);
    for (const [index, districtList] of swept.entries()) await visit(page, districtList, `list filtered by district ${index + 1}`, locale);
    await visit(page, contributionPath, "contribution page", locale);

    await visit(page, `/${locale}/join`, "join page", locale);
    await visit(page, `/${locale}/join/${invitation.code}`, "invitation page", locale);
    await page.locator("form:has(input[name=acceptCodeOfConduct]) button[type=submit]").click();
    await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
    await check(page, "sign-up form with errors", locale);

    await visit(page, `/${locale}/this-page-does-not-exist/at-all`, "not-found page", locale);
    await visit(page, `/${locale}/accessibility`, "accessibility statement", locale);
    await visit(page, `/${locale}/unsubscribe`, "unsubscribe page", locale);
    await visit(page, `${base}/${COLLECTING}/meetings`, "meetings page", locale);
    await visit(page, `${base}/${COLLECTING}/polls`, "quick polls page", locale);
    await visit(page, `${base}/actors`, "organigram of the municipality", locale);
    await visit(page, `${base}/${DIALOGUES.responding.slug}/responsibilities`, "organigram of a dialogue", locale);

    // The sign-in page, checked, is where the participant signs in.
    await visit(page, `/${locale}/sign-in`, "sign-in page", locale);
    await submitSignIn(page, locale, participant.signInCode);
    await visit(page, `/${locale}/account`, "account page", locale);
    await visit(page, `/${locale}/notifications`, "notifications page", locale);
    await visit(page, contributionPath, "contribution page, signed in", locale);
    await visit(page, `${base}/${COLLECTING}/polls`, "quick polls page, signed in", locale);
    // The volunteer's page to translate a poll (decision 048): a member of the dialogue.
    await visit(page, `/${locale}/texts/poll/${poll.id}`, "a poll's texts page, for a volunteer", locale);
    await page.locator("main form:has(input[name=question]) button[type=submit]").click();
    await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
    await check(page, "a poll's translation form with errors", locale);
    await visit(page, `${base}/${COLLECTING}/new`, "post form", locale);
    await page.locator("main form button[type=submit]").last().click();
    await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
    await check(page, "post form with errors", locale);
    // The photo fields (decision 050), opened.
    await page.locator("main form details:has(input[type=file]) > summary").click();
    await expect(page.locator('main input[type=file][name="photo0"]')).toBeVisible();
    await check(page, "post form with the photo fields open", locale);

    if (!EVERY_PAGE_LOCALES.has(locale)) return await context.close();

    await context.clearCookies();
    await signIn(page, locale, staff.signInCode);
    await visit(page, `${base}/${COLLECTING}/invitations`, "invitations page", locale);
    await visit(page, (await page.locator('main a[href$="/poster"]').first().getAttribute("href"))!, "invitation poster", locale);
    await visit(page, `${base}/${COLLECTING}/manage`, "manage page", locale);
    await visit(page, `${contributionPath}/merge`, "merge page of a contribution (decision 051)", locale);
    await visit(page, `${base}/${DIALOGUES.responding.slug}/manage/queue`, "queue of needs to answer", locale);
    await visit(page, `${base}/staff/queue`, "queue of needs to answer, all dialogues", locale);
    await visit(page, `${base}/${DIALOGUES.responding.slug}/responsibilities/manage`, "responsibility planning page", locale);
    await visit(page, `${base}/actors/manage`, "actor management page", locale);
    await visit(page, (await page.locator('main a[href$="/edit"]').first().getAttribute("href"))!, "actor edit page", locale);
    await visit(page, contributionPath, "contribution page with the answer form", locale);
    await visit(page, `${base}/${COLLECTING}/meetings/manage`, "meeting planning page", locale);
    await visit(page, `${base}/${COLLECTING}/polls/manage`, "quick polls of the host team", locale);
    await visit(page, `/${locale}/texts/poll/${poll.id}`, "a poll's texts page, for the host team", locale);
    await visit(page, `${base}/${COLLECTING}/recorded?all=1`, "voices recorded on someone's behalf, for the host team", locale);
    await visit(page, `${base}/${COLLECTING}/new/offline`, "offline entry form", locale);
    await visit(page, `${base}/${COLLECTING}/export`, "export page", locale);
    await visit(page, `${base}/${DIALOGUES.draft.slug}`, "draft dialogue", locale);
    await visit(page, `${base}/staff`, "staff page", locale);
    await visit(page, `${base}/districts`, "districts of the municipality, for staff", locale);
    await visit(page, (await page.locator('main a[href*="/districts/"]').first().getAttribute("href"))!, "a district's form", locale);
    await visit(page, `${base}/overview`, "municipality overview", locale);
    await visit(page, `${base}/dialogues/new`, "new dialogue form", locale);
    await page.locator("main form button[type=submit]").last().click();
    await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
    await check(page, "new dialogue form with errors", locale);
    await visit(page, `${base}/${COLLECTING}/moderation/log`, "moderation log, for staff", locale);

    await context.clearCookies();
    await signIn(page, locale, moderator.signInCode);
    await visit(page, `${base}/${COLLECTING}/moderation`, "moderation queue", locale);
    await visit(page, `${base}/moderation`, "moderation queue across the municipality", locale);

    await context.close();
  });
}
