// Volunteers translate a quick poll as they translate the dialogue's texts (issue 19, decision
// 048), without JavaScript at 360 px, right to left: the host team asks in German; Nour, a member,
// on the Arabic dialogue page follows "Translate" to the dialogue's texts page, from there to the
// poll, and writes the question and answers in Arabic; a signed-out reader then reads the poll in
// Arabic, marked as a volunteer's translation; the host team checks it, and readers see it checked.
// On the way, a count typed wrong at a meeting is
// named in the summary on top with the answer it belongs to, in the page's language, the answer
// marked with its own.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { DIALOGUES } from "../prisma/seed/dialogues";
import { before, escapeRegExp, signInAs } from "./support/sign-in";
import { keepScreenshot } from "./support/screenshot";
import { askPoll, closePoll, pollSection } from "./support/polls";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const dialogue = DIALOGUES.collecting;

test("a volunteer translates a poll into Arabic from the translator's pages, and readers see it as a person's translation", async ({ page, context }) => {
  // Two people, two sign-ins and a handful of form posts on a shared 2-core machine.
  test.setTimeout(150_000);
  // Digits only: an Arabic text must not carry Latin letters (the every-text-has-its-language sweep).
  const tag = String(randomBytes(3).readUIntBE(0, 3));
  const question = `Soll das Dialogcafé abends sein? ${tag}`;
  const questionAr = `هل يكون مقهى الحوار مساءً؟ ${tag}`;
  const germanPath = `/de/musterstadt/${dialogue.slug}`;
  const arabicPath = `/ar/musterstadt/${dialogue.slug}`;

  await askPoll(page, { dialogueSlug: dialogue.slug, question, answers: ["Ja", "Nein"] });

  // The count form on the Arabic page: the summary says, in Arabic, which answer's count is wrong.
  await page.goto(`${arabicPath}/polls/manage`);
  const counting = pollSection(page, question);
  await counting.getByText(ar.polls.countHeading).click();
  await counting.getByLabel("Nein", { exact: true }).fill("-1");
  await counting.getByRole("button", { name: ar.polls.countSubmit }).click();
  const refused = pollSection(page, question);
  // "Nein: <the problem in Arabic>" (the number in it may be written in Arabic digits).
  const sentence = ar.feedback.fieldProblem.replace("{field}", "Nein").replace("{problem}", before(ar.validation.too_small_number, "minimum"));
  const summary = refused.getByRole("alert").getByRole("link").filter({ hasText: "Nein" });
  await expect(summary).toHaveText(new RegExp(`^${escapeRegExp(sentence)}`));
  await expect(summary).toHaveAttribute("href", `#${await refused.getByLabel("Nein", { exact: true }).getAttribute("id")}`);
  await expect(summary.locator("[lang=de]")).toHaveText("Nein");
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "poll-count-refused-ar-360");
  await context.clearCookies();

  // Nour, a member, translates: from the dialogue page's "Translate" to the dialogue's texts page,
  // and from there to the poll.
  await signInAs(page, "Nour", "ar");
  await page.goto(arabicPath);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // The first "Translate" is the dialogue's own (under its title); each open poll has one too.
  await page.getByRole("main").getByRole("link", { name: ar.translations.translate, exact: true }).first().click();
  await expect(page).toHaveURL(/\/ar\/texts\/dialogue\/[0-9a-f-]{36}/);
  const pollsOnTextsPage = page.getByRole("region", { name: ar.polls.heading, exact: true });
  await expect(pollsOnTextsPage.locator(`[lang=de]`, { hasText: question })).toBeVisible();
  await pollsOnTextsPage.getByRole("link", { name: question, exact: true }).click();
  await expect(page).toHaveURL(/\/ar\/texts\/poll\/[0-9a-f-]{36}$/);
  // The page opens the first language without a version; a machine's may already be there
  // (a poll added later is machine-translated into languages readers asked for): Arabic it is.
  await page.goto(`${page.url()}?language=ar`);
  await expect(page.getByText(ar.polls.translateHint)).toBeVisible();
  await expect(page.locator("main [lang=de]", { hasText: question }).first()).toBeVisible();

  const form = page.locator("form").filter({ has: page.locator('input[name="language"][value="ar"]') });
  await expect(form).toHaveCount(1);
  await expect(form.locator('input[name="question"]')).toHaveAttribute("lang", "ar");
  await expect(form.locator('input[name="question"]')).toHaveAttribute("dir", "rtl");
  await form.locator('input[name="question"]').fill(questionAr);
  await form.locator('input[name="answer-1"]').fill("نعم");
  await form.locator('input[name="answer-2"]').fill("لا");
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "poll-translate-ar-360");
  await form.getByRole("button", { name: ar.translations.submit }).click();
  await expect(page).toHaveURL(/\/ar\/texts\/poll\/[0-9a-f-]{36}\?language=ar&saved=1$/);
  await expect(page.getByRole("status")).toHaveText(ar.hostTexts.saved);
  await expect(page.getByRole("navigation", { name: ar.hostTexts.languagesHeading })).toContainText(ar.hostTexts.status.volunteer);
  // Nour cannot check her own translation.
  await expect(page.getByRole("button", { name: ar.translations.markChecked })).toHaveCount(0);
  const pollTexts = new URL(page.url()).pathname.replace(/^\/ar\//, "/");

  // A signed-out reader: the poll in Arabic on the dialogue page, said to be a volunteer's translation.
  await context.clearCookies();
  await page.goto(arabicPath);
  const translated = pollSection(page, questionAr);
  await expect(translated.locator("h3 [lang=ar]")).toHaveText(questionAr);
  await expect(translated.getByTestId("host-text-note")).toContainText(ar.hostTexts.byVolunteer);
  await expect(translated.getByRole("listitem").filter({ hasText: "نعم" })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await expect(translated.getByTestId("host-text-note")).not.toContainText(ar.translations.checkedByTeam);
  await keepScreenshot(page, "dialogue-poll-volunteer-ar-360");

  // The host team checks it on the same page, as it checks the dialogue's other texts.
  await signInAs(page, "Sabine Krüger");
  await page.goto(`/de${pollTexts}?language=ar`);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "poll-texts-check-de-360");
  await page.getByRole("button", { name: de.translations.markChecked, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(de.hostTexts.saved);
  await expect(page.getByRole("navigation", { name: de.hostTexts.languagesHeading })).toContainText(`${de.hostTexts.status.volunteer} · ${de.translations.checkedByTeam}`);
  await expect(page.getByRole("button", { name: de.translations.markChecked, exact: true })).toHaveCount(0);
  await page.goto(`${germanPath}/polls#poll-${pollTexts.split("/").pop()}`);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "polls-page-host-de-360");
  await context.clearCookies();
  await page.goto(arabicPath);
  await expect(pollSection(page, questionAr).getByTestId("host-text-note")).toContainText(`${ar.hostTexts.byVolunteer} · ${ar.translations.checkedByTeam}`);
  await keepScreenshot(page, "dialogue-poll-volunteer-checked-ar-360");

  // The host team closes it again, so the dialogue page does not collect polls.
  await signInAs(page, "Sabine Krüger");
  await page.goto(`${germanPath}/polls/manage`);
  await closePoll(page, question);
});
