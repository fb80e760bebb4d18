// WCAG 3.1.2 (language of parts): on every route in every UI language, text that is not in the
// page's language sits inside an element whose `lang` names its language, so screen readers
// switch voice and browsers pick fonts and hyphenation (decision 028). Two checks per page:
// - the script check: every word's script must fit the language of its closest `lang` — Arabic
//   letters only under Arabic-script languages, Cyrillic only under Ukrainian and Russian,
//   Ethiopic only under Tigrinya, Latin only under Latin-script languages. This catches any text
//   of another script that lacks its `lang`, and any `lang` that names the wrong language.
// - the seeded texts: German and English share a script, so each seeded contribution, comment,
//   translation, answer, dialogue, meeting and introduction text must sit under its own language.
// Exempt: names (`<bdi>` or `translate="no"`, whose language is unknown — 3.1.2 exempts proper
// names), addresses, e-mail addresses, codes, and Latin words the page's own catalogue uses
// (the product name, "CSV"). JavaScript is off: what is checked is the HTML the server sends.
import { expect, test, type Page } from "@playwright/test";
import { locales, type AppLocale } from "../lib/i18n/routing";
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { ACTORS } from "../prisma/seed/actors";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES, MEETINGS } from "../prisma/seed/dialogues";
import { DIALOGUE_VERSIONS, MUNICIPALITY_INTRODUCTION, MUNICIPALITY_INTRODUCTION_VERSIONS } from "../prisma/seed/host-texts";
import { catalogueWords } from "./support/catalogue-words";
import { askClosedPoll } from "./support/polls";

const MUNICIPALITY = "musterstadt";
const participant = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;
const staff = DEMO_ACCOUNTS.find((account) => account.displayName === "Sabine Krüger")!;
const PUBLIC_DIALOGUES = Object.values(DIALOGUES).filter((dialogue) => dialogue.phase !== "DRAFT");
// A contribution with translations, comments and the town's answers, written in another language than German.
const answered = CONTRIBUTIONS.find(
  (seed) => seed.dialogue === "responding" && seed.language !== "de" && seed.translations?.length && seed.comments?.length && seed.responses?.length,
)!;


type Seeded = { text: string; lang: string };
/** Seeded texts with the language they are written in; the primary subtag is compared. */
const SEEDED: Seeded[] = [
  ...CONTRIBUTIONS.flatMap((seed) => [
    { text: seed.title, lang: seed.language },
    ...(seed.translations ?? []).flatMap((translation) => (translation.title ? [{ text: translation.title, lang: translation.language }] : [])),
    ...(seed.comments ?? []).flatMap((comment) => [
      { text: comment.body, lang: comment.language },
      ...(comment.replies ?? []).map((reply) => ({ text: reply.body, lang: reply.language })),
      ...(comment.translations ?? []).map((translation) => ({ text: translation.body, lang: translation.language })),
    ]),
    ...(seed.responses ?? []).map((response) => ({ text: response.body, lang: "de" })),
  ]),
  ...Object.values(DIALOGUES).flatMap((dialogue) => [
    { text: dialogue.title, lang: dialogue.languages[0]! },
    { text: dialogue.summary, lang: dialogue.languages[0]! },
  ]),
  ...Object.values(DIALOGUE_VERSIONS).flatMap((versions) => versions.flatMap((version) => [
    { text: version.title, lang: version.language },
    { text: version.summary, lang: version.language },
  ])),
  ...Object.values(MEETINGS).flatMap((meeting: { title: string; description?: string }) => [
    { text: meeting.title, lang: "de" },
    ...(meeting.description ? [{ text: meeting.description, lang: "de" }] : []),
  ]),
  ...Object.values(ACTORS).map((actor) => ({ text: actor.description, lang: "de" })),
  { text: MUNICIPALITY_INTRODUCTION, lang: "de" },
  ...MUNICIPALITY_INTRODUCTION_VERSIONS.map((version) => ({ text: version.body, lang: version.language })),
];

type Fault = { text: string; lang: string; why: string; path: string };

/**
 * Runs in the page: every text node against the language of its closest `lang`. Kept free of
 * references to this module, since Playwright sends its source to the browser.
 */
function findFaults({ allowed, seeded }: { allowed: string[]; seeded: Seeded[] }): { faults: Fault[]; seededSeen: number } {
  const SCRIPT_OF: Record<string, string> = { ar: "Arabic", fa: "Arabic", prs: "Arabic", ps: "Arabic", ur: "Arabic", ckb: "Arabic", uk: "Cyrillic", ru: "Cyrillic", ti: "Ethiopic", am: "Ethiopic" };
  const SCRIPTS: [string, RegExp][] = [
    ["Arabic", /^\p{Script=Arabic}/u],
    ["Cyrillic", /^\p{Script=Cyrillic}/u],
    ["Ethiopic", /^\p{Script=Ethiopic}/u],
    ["Latin", /^\p{Script=Latin}/u],
  ];
  // Addresses, e-mail addresses and codes (sign-in and invitation codes, "K7MQ-4HTP") are no language.
  const NOT_WORDS = /\bhttps?:\/\/\S+|\S+@\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:example|de|org|com|net)\b\S*|\b(?=[A-Z0-9-]*\d)[A-Z0-9]{2,}(?:-[A-Z0-9]+)*\b/g;
  const allowedWords = new Set(allowed);
  const seededLang = new Map(seeded.map(({ text, lang }) => [text.replace(/\s+/g, " ").trim(), lang]));
  const primary = (lang: string) => lang.split("-")[0]!.toLowerCase();
  const describe = (element: Element) => {
    const parts: string[] = [];
    for (let at: Element | null = element; at && at !== document.body && parts.length < 4; at = at.parentElement) {
      parts.unshift(at.tagName.toLowerCase() + (at.id ? `#${at.id}` : "") + (at.getAttribute("lang") ? `[lang=${at.getAttribute("lang")}]` : ""));
    }
    return parts.join(" > ");
  };
  const faults: Fault[] = [];
  let seededSeen = 0;
  const checked = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, noscript, template")) continue;
    const text = node.textContent ?? "";
    const marked = parent.closest("[lang]");
    const lang = primary(marked?.getAttribute("lang") ?? "");
    const expected = SCRIPT_OF[lang] ?? "Latin";
    // A name without `lang` (its language unknown) is exempt; one with a `lang` is held to it.
    const name = parent.closest("bdi, [translate=no]");
    const exempt = name !== null && !(marked && name.contains(marked));
    // A word of another script inside a sentence (a street name in an Arabic description) is
    // part of that sentence; a text is at fault when most of its words are of another script.
    // The e2e server's stand-in for LibreTranslate answers "[uk] <the German original>" (other
    // specs ask it while this one runs): German words marked with the target language by design.
    const fakeMachine = /^\s*\[[a-z]{2,3}(?:-[A-Za-z0-9]+)*\] /.test(text);
    const words = exempt || fakeMachine ? [] : (text.replace(NOT_WORDS, " ").match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []);
    const foreign = words.filter((word) => {
      const script = SCRIPTS.find(([, pattern]) => pattern.test(word))?.[0];
      return script !== undefined && script !== expected && !allowedWords.has(word);
    });
    if (foreign.length > 0 && foreign.length * 2 >= words.length) {
      faults.push({ text: text.trim().slice(0, 80), lang, why: `"${foreign.slice(0, 3).join(" ")}" under lang="${lang}"`, path: describe(parent) });
    }
    // The seeded texts: the element that holds the whole text (a paragraph of a longer one is left to the script check).
    const holder = parent;
    if (checked.has(holder)) continue;
    checked.add(holder);
    const whole = (holder.textContent ?? "").replace(/\s+/g, " ").trim();
    const own = seededLang.get(whole);
    if (own) seededSeen += 1;
    if (own && primary(own) !== lang) faults.push({ text: whole.slice(0, 80), lang, why: `written in ${own}, marked "${lang}"`, path: describe(holder) });
  }
  return { faults, seededSeen };
}

// A poll of its own (the seed has none): its question stands on the polls page and on its texts
// page (/texts/poll/<id>, where volunteers translate it), in German on every page; once per worker.
let poll: { id: string; question: string };

/** Checks one page; answers how many seeded texts it found, so a test can tell that it looked. */
async function check(page: Page, locale: AppLocale, path: string, allowed: string[], faults: string[]): Promise<number> {
  const response = await page.goto(path);
  expect.soft(response?.status(), `${path} answers`).toBeLessThan(400);
  expect.soft(await page.locator("html").getAttribute("lang"), `${path}: <html lang>`).toBe(locale);
  // The poll this file asked is German wherever its question stands whole.
  const found = await page.evaluate(findFaults, { allowed, seeded: [...SEEDED, { text: poll.question, lang: "de" }] });
  for (const fault of found.faults) faults.push(`${path}\n    ${fault.why}: "${fault.text}"\n    at ${fault.path}`);
  return found.seededSeen;
}

/** Where the staff's pages are read too: German, and one language of the Arabic and the Ethiopic scripts. */
const STAFF_PAGE_LOCALES: ReadonlySet<AppLocale> = new Set(["de", "ar", "ti"]);

test.describe.configure({ mode: "parallel" });
test.use({ javaScriptEnabled: false });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  poll = await askClosedPoll(browser);
});

for (const locale of locales) {
  test(`in ${locale}, every text not in ${locale} carries its own lang`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const allowed = catalogueWords(locale);
    const faults: string[] = [];
    const base = `/${locale}/${MUNICIPALITY}`;
    const visit = (path: string) => check(page, locale, path, allowed, faults);

    await visit(`/${locale}`);
    await visit(base);
    for (const dialogue of PUBLIC_DIALOGUES) await visit(`${base}/${dialogue.slug}`);
    await visit(`${base}/${DIALOGUES.responding.slug}/results`);
    await visit(`${base}/${DIALOGUES.collecting.slug}/meetings`);
    await visit(`${base}/${DIALOGUES.collecting.slug}/polls`);
    await visit(`${base}/actors`);
    await visit(`${base}/${DIALOGUES.responding.slug}/responsibilities`);
    await visit(`/${locale}/join`);
    await visit(`/${locale}/accessibility`);

    // The answered contribution: its original, the translations, the comments and the answers.
    await page.goto(`${base}/${DIALOGUES.responding.slug}?q=${encodeURIComponent(answered.title)}`);
    const contributionPath = await page.locator('main a[href*="/c/"]').first().getAttribute("href");
    expect(contributionPath, `the seeded contribution "${answered.title}" is listed`).toBeTruthy();
    // Its title, a translation's title, a comment, a reply and the answers at least.
    expect.soft(await visit(contributionPath!), "seeded texts found on the contribution page").toBeGreaterThanOrEqual(5);

    // Signed in, without JavaScript: the form posts and the server redirects.
    await page.goto(`/${locale}/sign-in`);
    // The first form signs in; a second one below it takes a receipt's code.
    await page.locator('input[name="code"]').first().fill(participant.signInCode);
    await page.locator('main form:has(input[name="code"])').first().locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    await visit(`/${locale}/notifications`);
    await visit(`/${locale}/account`);
    await visit(contributionPath!);
    // The volunteer's page to translate a poll (decision 048): Nour is a member of the dialogue.
    await visit(`/${locale}/texts/poll/${poll.id}`);

    // Staff pages list contributions, answers, meetings and actors as well: checked in one
    // language per script the team's pages are likely read in (decision 059). The markup that
    // carries `lang` is the same in every language; what differs by language is the script.
    if (!STAFF_PAGE_LOCALES.has(locale)) {
      await context.close();
      expect(faults.join("\n"), `texts without their language in ${locale}`).toBe("");
      return;
    }
    await context.clearCookies();
    await page.goto(`/${locale}/sign-in`);
    await page.locator('input[name="code"]').first().fill(staff.signInCode);
    await page.locator('main form:has(input[name="code"])').first().locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    await visit(`${base}/${DIALOGUES.responding.slug}/manage/queue`);
    await visit(`${base}/staff/queue`);
    await visit(`${base}/staff`);
    await visit(`${base}/overview`);
    await visit(`${base}/${DIALOGUES.collecting.slug}/manage`);
    await visit(`${base}/${DIALOGUES.collecting.slug}/meetings/manage`);
    await visit(`${base}/${DIALOGUES.collecting.slug}/moderation/log`);
    await visit(`${base}/actors/manage`);
    await visit(`/${locale}/texts/poll/${poll.id}`);

    await context.close();
    expect(faults.join("\n"), `texts without their language in ${locale}`).toBe("");
  });
}
