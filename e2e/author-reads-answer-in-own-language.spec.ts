// The author of a need reads the town's answer in her own language (issue 13), on a phone without
// JavaScript: Nour posts a need in Arabic, staff answer in German, a volunteer translates the
// answer into Arabic, and Nour reads it in Arabic with lang="ar", labelled, the German original
// one link away. A Ukrainian reader has the answer machine-translated with one button; the app
// asks the (local, LibreTranslate-compatible) translator exactly once, and the next reader gets
// the kept translation without another call.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import uk from "../messages/uk.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

const MUNICIPALITY = "musterstadt";
const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
const dialogue = `${MUNICIPALITY}/${DIALOGUES.collecting.slug}`;
const translatorUrl = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? 3101)}`;
const catalogues = { ar, de, uk } as const;

test.use(phone);

async function signedIn(browser: Browser, baseURL: string, displayName: string, locale: keyof typeof catalogues): Promise<Page> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName === displayName);
  if (!account) throw new Error(`no demo account ${displayName}`);
  const text = catalogues[locale];
  const page = await (await browser.newContext({ ...phone, baseURL })).newPage();
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(text.signIn.code, { exact: true }).fill(account.signInCode);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${locale}`);
  return page;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A message's text up to its first argument, e.g. "Read the original (" of "Read the original ({language})". */
const upToArgument = (message: string) => new RegExp(`^${escape(message.split("{")[0]!)}`);

test("a need posted in Arabic, answered in German, is read by its author in Arabic; a reader has it machine-translated once", async ({ browser, baseURL, request }) => {
  // Four people, some twenty page loads on a shared machine.
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("baseURL is not set");
  const tag = randomBytes(3).toString("hex");
  const title = `لا يوجد إنترنت في البيت ${tag}`;

  // Nour posts her need in Arabic.
  const nour = await signedIn(browser, baseURL, "Nour", "ar");
  await nour.goto(`/ar/${dialogue}/new`);
  await nour.getByRole("radio", { name: ar.post.need }).check();
  await nour.getByRole("radio", { name: ar.themes.digital }).check();
  await nour.getByLabel(ar.post.title, { exact: true }).fill(title);
  await nour.getByLabel(ar.post.body, { exact: true }).fill("منذ شهرين لا يوجد إنترنت. الأطفال لا يستطيعون أداء واجباتهم.");
  await nour.getByRole("button", { name: ar.post.submit }).click();
  await expect(nour).toHaveURL(new RegExp(`/ar/${dialogue}/c/[0-9a-f-]{36}#flash$`));
  const path = new URL(nour.url()).pathname.replace(/^\/ar\//, "/");

  // Staff answer in German, the language the form assumes for a German-speaking staff member.
  const staff = await signedIn(browser, baseURL, "Sabine Krüger", "de");
  await staff.goto(`/de${path}`);
  const respond = staff.locator("section[aria-labelledby=respond-heading]");
  await expect(respond.getByLabel(de.responses.language, { exact: true })).toHaveValue("de");
  const answer = `Das Amt richtet bis März WLAN in allen Häusern ein (${tag}).`;
  await respond.getByRole("radio", { name: de.statuses.PLANNED }).check();
  await respond.getByLabel(de.responses.body, { exact: true }).fill(answer);
  await respond.getByRole("button", { name: de.responses.submit }).click();
  await expect(staff.getByTestId("response-body")).toHaveText(answer);
  await expect(staff.getByTestId("response-body")).toHaveAttribute("lang", "de");

  // A volunteer translates the answer into Arabic.
  const volunteer = await signedIn(browser, baseURL, "Hannelore Schmitt", "de");
  await volunteer.goto(`/de${path}`);
  const timeline = volunteer.getByTestId("response-timeline");
  await timeline.locator("summary", { hasText: new RegExp(`^${escape(de.translations.translate)}$`) }).click();
  const translated = `ستُجهّز البلدية شبكة الإنترنت في جميع البيوت حتى شهر مارس (${tag}).`;
  await timeline.getByLabel(de.translations.language, { exact: true }).selectOption("ar");
  await timeline.getByLabel(de.translations.body, { exact: true }).fill(translated);
  await timeline.getByRole("button", { name: de.translations.submit, exact: true }).click();
  // Back on the page (without JavaScript the browser may drop the fragment of a redirect).
  await expect(volunteer).toHaveURL(new RegExp(`${escape(path)}(#response-[0-9a-f-]{36})?$`));

  // Nour reads the answer in Arabic, marked as such, labelled, with the way to the original.
  await nour.goto(`/ar${path}`);
  const body = nour.getByTestId("response-body");
  await expect(body).toHaveText(translated);
  await expect(body).toHaveAttribute("lang", "ar");
  await expect(body).toHaveAttribute("dir", "rtl");
  await expect(nour.getByTestId("response-timeline").getByTestId("translation-label")).toHaveText(ar.translations.byVolunteer);
  await expectNoSidewaysScrolling(nour);
  await keepScreenshot(nour, "answer-translated-ar-360", { file: "test-results/answer-translated-ar-360.png" });
  await nour.getByTestId("response-timeline").getByRole("link", { name: upToArgument(ar.translations.showOriginal) }).click();
  await expect(nour).toHaveURL(/\?original=1#response-[0-9a-f-]{36}$/);
  await expect(body).toHaveText(answer);
  await expect(body).toHaveAttribute("lang", "de");
  await expect(body).toHaveAttribute("dir", "ltr");

  // The volunteer translates the need itself into German: a German reader reads both in German.
  const summary = volunteer.locator("summary", { hasText: new RegExp(`^${escape(de.translations.translate)}$`) });
  const needForm = volunteer.getByRole("region", { name: de.translations.translate, exact: true }).locator("details").filter({ has: summary });
  await needForm.locator(summary).click();
  await needForm.getByLabel(de.translations.language, { exact: true }).selectOption("de");
  await needForm.getByLabel(de.translations.title, { exact: true }).fill(`Kein Internet im Haus ${tag}`);
  await needForm.getByLabel(de.translations.body, { exact: true }).fill("Seit zwei Monaten gibt es kein Internet. Die Kinder können keine Hausaufgaben machen.");
  await needForm.getByRole("button", { name: de.translations.submit, exact: true }).click();
  await staff.goto(`/de${path}`);
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`Kein Internet im Haus ${tag}`);
  await expect(staff.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "de");
  await expect(staff.getByTestId("response-body")).toHaveText(answer);
  await keepScreenshot(staff, "answer-translated-de-360", { file: "test-results/answer-translated-de-360.png" });

  // A Ukrainian reader asks for a machine translation of the answer: one button, no JavaScript.
  const before = ((await (await request.get(`${translatorUrl}/translate-requests`)).json()) as unknown[]).length;
  const olena = await signedIn(browser, baseURL, "Olena K.", "uk");
  await olena.goto(`/uk${path}`);
  const olenaTimeline = olena.getByTestId("response-timeline");
  await expect(olenaTimeline.getByTestId("response-body")).toHaveAttribute("lang", "de");
  await olenaTimeline.getByRole("button", { name: upToArgument(uk.translations.requestMachine) }).click();
  await expect(olenaTimeline.getByTestId("response-body")).toHaveText(`[uk] ${answer}`);
  await expect(olenaTimeline.getByTestId("response-body")).toHaveAttribute("lang", "uk");
  await expect(olenaTimeline.getByTestId("translation-label")).toHaveText(uk.translations.byMachine);
  await expectNoSidewaysScrolling(olena);
  await keepScreenshot(olena, "answer-machine-uk-360", { file: "test-results/answer-machine-uk-360.png" });
  const sent = ((await (await request.get(`${translatorUrl}/translate-requests`)).json()) as unknown[]).slice(before);
  expect(sent).toEqual([{ q: answer, source: "de", target: "uk", format: "text", api_key: "e2e-libretranslate-key" }]);

  // Kept: the next Ukrainian reader (signed out) reads it without another call, and no button is left.
  const visitor = await (await browser.newContext({ ...phone, baseURL })).newPage();
  await visitor.goto(`/uk${path}`);
  await expect(visitor.getByTestId("response-timeline").getByTestId("response-body")).toHaveText(`[uk] ${answer}`);
  expect(((await (await request.get(`${translatorUrl}/translate-requests`)).json()) as unknown[]).slice(before)).toHaveLength(1);

  // A dialogue without a Ukrainian version: Olena has its own texts machine-translated, once for all.
  await olena.goto(`/uk/${MUNICIPALITY}/${DIALOGUES.closed.slug}`);
  // The dialogue's own button comes first; each meeting in its list has one of its own.
  const machineButtons = olena.getByRole("button", { name: upToArgument(uk.translations.requestMachine) });
  const meetingButtons = olena.getByRole("region", { name: uk.meetings.heading }).getByRole("button", { name: upToArgument(uk.translations.requestMachine) });
  const forMeetings = await meetingButtons.count();
  await machineButtons.first().click();
  await expect(olena.getByRole("heading", { level: 1 })).toHaveText(`[uk] ${DIALOGUES.closed.title}`);
  await expect(olena.getByTestId("dialogue-description")).toContainText("[uk] ");
  await expect(machineButtons).toHaveCount(forMeetings);
  await expect(meetingButtons).toHaveCount(forMeetings);

  // Withdrawn again, so the dialogue's list keeps its seeded titles for specs running alongside.
  await nour.goto(`/ar${path}`);
  await nour.getByText(ar.contributionPage.withdraw, { exact: true }).click();
  await nour.getByLabel(ar.post.withdrawConfirm).check();
  await nour.getByRole("button", { name: ar.post.withdraw, exact: true }).click();
  await expect(nour).toHaveURL(`/ar/${dialogue}?withdrawn=1`);
});
