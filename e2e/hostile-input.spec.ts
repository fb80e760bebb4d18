// Hostile input shown where people read it: a newcomer signs up with a name that is an XSS
// payload and posts the whole corpus (tests/support/hostile-input.ts) as comments. On the page,
// for everyone, it is text: no script ran (no dialog, `window.__xss` unset, no CSP violation),
// no element was injected, every payload reads exactly as typed, and a 5,000-letter word does
// not widen a 360 px phone. A null character is refused with its own message.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";
import { HOSTILE_INPUT } from "../tests/support/hostile-input";
import { expectNoSidewaysScrolling } from "./support/layout";

const text = en;
const MUNICIPALITY = "musterstadt";
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const dialoguePath = `/en/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`;
const target = CONTRIBUTIONS.find((seeded) => seeded.dialogue === "collecting" && seeded.language === "en")!;
const COMMENT_MAX = 2000;

test.use({ viewport: { width: 360, height: 740 } });

/** A name that would run script if it were ever written into the page as HTML. */
const NAME = `<img src=x onerror="window.__xss=1">${randomBytes(2).toString("hex")}`;

/** The corpus as comments of at most COMMENT_MAX characters (long payloads cut to fit). */
function commentsOf(): string[] {
  const payloads = HOSTILE_INPUT.filter((payload) => !payload.refused).map((payload) => payload.text.slice(0, COMMENT_MAX - 50).trim());
  const comments: string[] = [];
  let current = "";
  for (const payload of payloads) {
    // The browser sends each line break as CR LF: count them twice, and keep some room.
    const length = (t: string) => t.length + (t.match(/\n/g)?.length ?? 0);
    if (current && length(current) + length(payload) + 4 > COMMENT_MAX - 100) {
      comments.push(current);
      current = "";
    }
    current = current ? `${current}\n\n${payload}` : payload;
  }
  if (current) comments.push(current);
  return comments;
}

async function guard(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => w.__violations.push(`${event.violatedDirective} ${event.sample}`));
  });
  return async () => {
    expect(dialogs, "no dialog opened").toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), "no payload ran").toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), "nothing even tried").toEqual([]);
    // Scripts without a nonce: none but the chunks Next.js's runtime loads for a form's parts when
    // the form renders (decision 068; allowed by 'strict-dynamic', never from the page's HTML).
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll(
          "img[src=x], iframe, object, embed, marquee, details[ontoggle], svg[onload], base, meta[http-equiv=refresh], form[action^='https://evil'], script:not([nonce]):not([type='application/json']):not([src^='/_next/static/chunks/']), [onerror], [onload], [onfocus], a[href^='javascript:' i]",
        ).length,
    );
    expect(injected, "no element came from a payload").toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling at 360 px").toBeLessThanOrEqual(360);
  };
}

async function signUp(page: Page, name: string) {
  await page.goto(`/en/join/${invitation.code}`);
  await page.getByLabel(text.join.displayName, { exact: true }).fill(name);
  await page.getByLabel(text.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: text.join.signUpSubmit }).click();
  await expect(page.getByRole("region", { name: text.join.codeHeading })).toBeVisible();
}

test("the corpus posted as comments, by a person whose name is a payload, shows as inert text", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const check = await guard(page);

  await signUp(page, NAME);
  await expect(page.getByRole("banner")).toContainText(NAME);
  await check();

  await page.goto(dialoguePath);
  await page.getByRole("link", { name: target.title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.title);
  const contributionUrl = page.url();

  // A null character cannot be stored: the person is told, nothing breaks.
  const field = page.getByLabel(text.contributionPage.commentLabel, { exact: true });
  await field.fill("before\u0000after");
  await page.getByRole("button", { name: text.comments.submit }).click();
  await expect(page.getByText(text.validation.null_character, { exact: true })).toBeVisible();

  const comments = commentsOf();
  for (const comment of comments) {
    await page.goto(contributionUrl);
    await field.fill(comment);
    await page.getByRole("button", { name: text.comments.submit }).click();
    await expect(page).toHaveURL(/#flash$/);
  }

  // Fresh, server-rendered, as anyone reading it sees it (JavaScript on, and off below).
  await page.goto(contributionUrl);
  await check();
  // Line breaks as the HTML parser gives them back (CR LF and CR become LF).
  const lines = (t: string) => t.replace(/\r\n?/g, "\n");
  const shown = lines(await page.locator("main").evaluate((main) => main.textContent ?? ""));
  for (const payload of HOSTILE_INPUT.filter((p) => !p.refused)) {
    const written = lines(payload.text.slice(0, COMMENT_MAX - 50).trim().toWellFormed());
    expect(shown.includes(written), `"${payload.name}" reads exactly as typed`).toBe(true);
  }
  expect(shown).toContain(NAME);

  const reader = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const visitor = await reader.newPage();
  await visitor.goto(contributionUrl);
  expect(await visitor.evaluate(() => document.querySelectorAll("img[src=x], iframe, object, embed, [onerror], [onload]").length)).toBe(0);
  await expectNoSidewaysScrolling(visitor);
  await reader.close();
});

// A German need of the collecting dialogue without an English translation (the oldest: the
// translation spec takes the newest, into Arabic). English, a Latin-script language: the payload
// is Latin text, and the language-marking spec holds every text to its language's script.
const need = CONTRIBUTIONS.filter(
  (seeded) =>
    seeded.dialogue === "collecting" &&
    seeded.kind === "NEED" &&
    seeded.language === "de" &&
    !seeded.onBehalf &&
    !seeded.translations?.some((translation) => translation.language === "en"),
).sort((a, b) => a.day - b.day || (a.hour ?? 0) - (b.hour ?? 0))[0]!;

test("the corpus as a translation (a title, and text rendered as limited Markdown) shows inert too", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUp(page, `Translator ${randomBytes(2).toString("hex")}`);
  await page.goto(dialoguePath);
  await page.getByRole("link", { name: need.title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(need.title);
  const path = new URL(page.url()).pathname.replace(/^\/en\//, "/");

  const title = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script> ${randomBytes(2).toString("hex")}`;
  const body = HOSTILE_INPUT.filter((payload) => !payload.refused && payload.text.length < 300)
    .map((payload) => payload.text)
    .join("\n\n");
  const form = page.getByRole("region", { name: text.translations.translate, exact: true });
  await form.locator("summary", { hasText: text.translations.translate }).click();
  await form.getByLabel(text.translations.language, { exact: true }).selectOption("en");
  await form.getByLabel(text.translations.title, { exact: true }).fill(title);
  await form.getByLabel(text.translations.body, { exact: true }).fill(body);
  await form.getByRole("button", { name: text.translations.submit, exact: true }).click();
  // Saved, the page comes back, and its translator, reading in English, reads her English title
  // (the original's title held only until the page came back: a race the test used to win).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // An English reader gets the translation: the title as the page's heading, the text as Markdown.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const reader = await context.newPage();
  const check = await guard(reader);
  await reader.goto(`/en${path}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByTestId("contribution-body")).toContainText("DROP TABLE");
  await check();
  // Links in Markdown lead only to the web or mail, never to script.
  for (const href of await reader.getByTestId("contribution-body").locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
    expect(href).toMatch(/^(https?:|mailto:)/);
  }
  await context.close();
});
