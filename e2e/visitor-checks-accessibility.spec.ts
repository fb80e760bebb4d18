// WCAG 2.1 AA with axe on every page in every complete language, signed out and signed in, and
// again after the interactions that change what is on screen (form errors, the opened filter).
// Each language is one test with one browser context, so the seven run in parallel; all pages of
// a language are checked even when one fails, and the failure lists every violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import en from "../messages/en.json" with { type: "json" };
import fa from "../messages/fa.json" with { type: "json" };
import ru from "../messages/ru.json" with { type: "json" };
import tr from "../messages/tr.json" with { type: "json" };
import uk from "../messages/uk.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";

const CATALOGUES = { de, en, ar, fa, uk, tr, ru } as const;
type Locale = keyof typeof CATALOGUES;

const MUNICIPALITY = "musterstadt";
const PUBLIC_DIALOGUES = Object.values(DIALOGUES).filter((dialogue) => dialogue.phase !== "DRAFT");
const COLLECTING = DIALOGUES.collecting.slug;
const participant = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;
const staff = DEMO_ACCOUNTS.find((account) => account.displayName === "Sabine Krüger")!;
const moderator = DEMO_ACCOUNTS.find((account) => account.displayName === "Miriam Hoffmann")!;
const invitation = INVITATIONS.find((seed) => seed.dialogue === "collecting")!;

test.describe.configure({ mode: "parallel" });

/** Runs axe and the page-structure checks; records failures softly so every page gets checked. */
async function check(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
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
}

async function visit(page: Page, path: string, label: string) {
  await page.goto(path);
  await check(page, label);
}

async function signIn(page: Page, locale: Locale, code: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.locator('input[name="code"]').fill(code);
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

  test(`every page in ${locale} meets WCAG 2.1 AA`, async ({ browser }) => {
    test.setTimeout(360_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    const base = `/${locale}/${MUNICIPALITY}`;

    await visit(page, `/${locale}`, "start page");
    await visit(page, base, "municipality page");
    for (const dialogue of PUBLIC_DIALOGUES) await visit(page, `${base}/${dialogue.slug}`, `dialogue ${dialogue.slug}`);
    await visit(page, `${base}/${DIALOGUES.responding.slug}/results`, "results page");

    await page.goto(`${base}/${COLLECTING}`);
    await page.locator("details:has(form[role=search]) > summary").click();
    await expect(page.locator("form[role=search]")).toBeVisible();
    await check(page, "dialogue page with the filter open");

    // Links are followed by loading their address: after a client-side navigation Next.js sets
    // the <title> a moment later, and axe would race it.
    await page.goto(`${base}/${COLLECTING}`);
    const contributionPath = (await page.locator('main a[href*="/c/"]').first().getAttribute("href"))!;
    await visit(page, contributionPath, "contribution page");

    await visit(page, `/${locale}/join`, "join page");
    await visit(page, `/${locale}/join/${invitation.code}`, "invitation page");
    await page.locator("form:has(input[name=acceptCodeOfConduct]) button[type=submit]").click();
    await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
    await check(page, "sign-up form with errors");

    await visit(page, `/${locale}/sign-in`, "sign-in page");
    await visit(page, `/${locale}/this-page-does-not-exist/at-all`, "not-found page");
    await visit(page, `/${locale}/accessibility`, "accessibility statement");
    await visit(page, `/${locale}/unsubscribe`, "unsubscribe page");
    await visit(page, `${base}/${COLLECTING}/meetings`, "meetings page");
    await visit(page, `${base}/actors`, "organigram of the municipality");
    await visit(page, `${base}/${DIALOGUES.responding.slug}/responsibilities`, "organigram of a dialogue");

    await signIn(page, locale, participant.signInCode);
    await visit(page, `/${locale}/account`, "account page");
    await visit(page, `/${locale}/notifications`, "notifications page");
    await visit(page, contributionPath, "contribution page, signed in");
    await visit(page, `${base}/${COLLECTING}/new`, "post form");
    await page.locator("main form button[type=submit]").last().click();
    await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
    await check(page, "post form with errors");

    await context.clearCookies();
    await signIn(page, locale, staff.signInCode);
    await visit(page, `${base}/${COLLECTING}/invitations`, "invitations page");
    await visit(page, (await page.locator('main a[href$="/poster"]').first().getAttribute("href"))!, "invitation poster");
    await visit(page, `${base}/${COLLECTING}/manage`, "manage page");
    await visit(page, `${base}/${DIALOGUES.responding.slug}/manage/queue`, "queue of needs to answer");
    await visit(page, `${base}/staff/queue`, "queue of needs to answer, all dialogues");
    await visit(page, `${base}/${DIALOGUES.responding.slug}/responsibilities/manage`, "responsibility planning page");
    await visit(page, `${base}/actors/manage`, "actor management page");
    await visit(page, (await page.locator('main a[href$="/edit"]').first().getAttribute("href"))!, "actor edit page");
    await visit(page, contributionPath, "contribution page with the answer form");
    await visit(page, `${base}/${COLLECTING}/meetings/manage`, "meeting planning page");
    await visit(page, `${base}/${COLLECTING}/new/offline`, "offline entry form");
    await visit(page, `${base}/${COLLECTING}/export`, "export page");
    await visit(page, `${base}/${DIALOGUES.draft.slug}`, "draft dialogue");
    await visit(page, `${base}/staff`, "staff page");
    await visit(page, `${base}/overview`, "municipality overview");
    await visit(page, `${base}/dialogues/new`, "new dialogue form");
    await page.locator("main form button[type=submit]").last().click();
    await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
    await check(page, "new dialogue form with errors");
    await visit(page, `${base}/${COLLECTING}/moderation/log`, "moderation log, for staff");

    await context.clearCookies();
    await signIn(page, locale, moderator.signInCode);
    await visit(page, `${base}/${COLLECTING}/moderation`, "moderation queue");

    await context.close();
  });
}
