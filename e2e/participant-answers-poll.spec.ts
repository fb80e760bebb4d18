// A quick poll (issue 19, decisions 048 and 054), without JavaScript at 360 px: the town's
// integration officer adds a poll to the dialogue from its manage page, writes it in Arabic and
// enters hands counted at a meeting (a wrong count is named at its own field); the open poll stands
// on the dialogue page itself, where she answers it in German and Nour answers it in Arabic, right
// to left, and changes her answer; a signed-out reader sees it there with the way to sign in or
// join. Results are not shown while it is open (nobody can read one person's answer off a change
// in the numbers); once it is closed they are, and it leaves the dialogue page.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { DIALOGUES } from "../prisma/seed/dialogues";
import { signInAs } from "./support/sign-in";
import { keepScreenshot } from "./support/screenshot";
import { pollSection } from "./support/polls";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const MUNICIPALITY = "musterstadt";
const dialogue = DIALOGUES.collecting;

test("the host team adds a poll in German and Arabic, and participants answer it on the dialogue page without JavaScript", async ({ page, context }) => {
  // Three people, three sign-ins and a dozen form posts on a shared 2-core machine.
  test.setTimeout(180_000);
  // Digits only: an Arabic text must not carry Latin letters (the every-text-has-its-language sweep).
  const tag = String(randomBytes(3).readUIntBE(0, 3));
  const question = `Braucht die Unterkunft einen Lernraum? ${tag}`;
  const questionAr = `هل يحتاج السكن إلى غرفة للدراسة؟ ${tag}`;
  const germanPath = `/de/${MUNICIPALITY}/${dialogue.slug}`;
  const arabicPath = `/ar/${MUNICIPALITY}/${dialogue.slug}`;

  await signInAs(page, "Sabine Krüger");
  await page.goto(`${germanPath}/manage`);
  await page.getByRole("link", { name: de.polls.manageLink }).first().click();
  await expect(page).toHaveURL(`${germanPath}/polls/manage`);

  // A mistake keeps what was typed: one answer is not a poll.
  await page.getByLabel(de.polls.question, { exact: true }).fill(question);
  await page.getByLabel(de.polls.answerLabel.replace("{number, number}", "1"), { exact: true }).fill("Ja");
  await page.getByLabel(de.polls.closesAt, { exact: true }).fill("2030-01-01T10:00");
  await page.getByRole("button", { name: de.polls.createSubmit }).click();
  await expect(page.getByText(de.polls.validation.twoAnswers).first()).toBeVisible();
  await expect(page.getByLabel(de.polls.question, { exact: true })).toHaveValue(question);

  await page.getByLabel(de.polls.answerLabel.replace("{number, number}", "2"), { exact: true }).fill("Nein");
  await page.getByRole("button", { name: de.polls.createSubmit }).click();
  await expect(page.getByRole("status")).toHaveText(de.polls.created);
  const section = pollSection(page, question);
  await expect(section).toBeVisible();

  // The Arabic version: <details> opens without JavaScript.
  await section.getByText(de.polls.textsHeading).click();
  const arabicForm = section.locator("form").filter({ has: page.locator('input[name="language"][value="ar"]') });
  await arabicForm.locator('input[name="question"]').fill(questionAr);
  await arabicForm.locator('input[name="answer-1"]').fill("نعم");
  await arabicForm.locator('input[name="answer-2"]').fill("لا");
  await arabicForm.getByRole("button", { name: de.polls.textSubmit }).click();
  await expect(page.getByRole("status")).toHaveText(de.polls.saved);

  // Hands counted at a meeting: a negative count is named at its own field and in the summary,
  // and both counts stay as typed.
  const counting = pollSection(page, question);
  await counting.getByText(de.polls.countHeading).click();
  await counting.getByLabel(de.polls.countPerspective, { exact: true }).selectOption("LIVED_EXPERIENCE");
  await counting.getByLabel("Ja", { exact: true }).fill("-3");
  await counting.getByLabel("Nein", { exact: true }).fill("2");
  await counting.getByRole("button", { name: de.polls.countSubmit }).click();
  const refused = pollSection(page, question);
  const tooSmall = de.validation.too_small_number.replace("{minimum}", "0");
  const yes = refused.getByLabel("Ja", { exact: true });
  await expect(yes).toBeVisible();
  await expect(yes).toHaveValue("-3");
  await expect(yes).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await yes.getAttribute("aria-describedby")) ?? "";
  expect(describedBy).not.toBe("");
  await expect(page.locator(`[id="${describedBy.split(" ").at(-1)}"]`)).toHaveText(tooSmall);
  // The summary at the top names the answer whose count is wrong, in the answer's own language.
  const summaryLink = refused.getByRole("alert").getByRole("link", { name: `Ja: ${tooSmall}`, exact: true });
  await expect(summaryLink).toHaveAttribute("href", `#${await yes.getAttribute("id")}`);
  await expect(summaryLink.locator("[lang=de]")).toHaveText("Ja");
  const no = refused.getByLabel("Nein", { exact: true });
  await expect(no).toHaveValue("2");
  await expect(no).not.toHaveAttribute("aria-invalid", "true");
  await expect(refused.getByLabel(de.polls.countPerspective, { exact: true })).toHaveValue("LIVED_EXPERIENCE");
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "poll-count-refused-de-360");

  await yes.fill("3");
  await refused.getByRole("button", { name: de.polls.countSubmit }).click();
  await expect(page.getByRole("status")).toHaveText(de.polls.saved);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "poll-manage-de-360");

  // The open poll on the dialogue page, in German, answered right there.
  await page.goto(germanPath);
  const onDialogue = pollSection(page, question);
  await expect(onDialogue.getByText(de.polls.resultsLater)).toBeVisible();
  // The question is its heading, once (no legend repeats it); the heading names the choices too.
  await expect(onDialogue.getByRole("heading", { name: question, exact: true })).toHaveCount(1);
  await expect(onDialogue.locator("legend")).toHaveCount(0);
  await expect(onDialogue.getByRole("group", { name: question, exact: true })).toBeVisible();
  await onDialogue.getByRole("radio", { name: "Ja", exact: true }).check();
  await onDialogue.getByRole("button", { name: de.polls.submitAnswer }).click();
  await expect(page).toHaveURL(new RegExp(`^https?://[^/]+${germanPath}\\?answered=[0-9a-f-]{36}#poll-[0-9a-f-]{36}$`));
  const answeredDe = pollSection(page, question);
  await expect(answeredDe.getByRole("status")).toHaveText(de.polls.answered);
  await expect(answeredDe.getByRole("radio", { name: "Ja", exact: true })).toBeChecked();
  await expect(answeredDe.getByRole("button", { name: de.polls.changeAnswer })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "dialogue-poll-de-360");

  // The polls page in German: the answer form with her answer.
  await page.goto(`${germanPath}/polls`);
  await expect(pollSection(page, question).getByRole("radio", { name: "Ja", exact: true })).toBeChecked();
  await expect(pollSection(page, question).locator("legend")).toHaveCount(0);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "poll-answer-de-360");

  // Nour, in Arabic, on the dialogue page.
  await context.clearCookies();
  await signInAs(page, "Nour", "ar");
  await page.goto(arabicPath);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const poll = pollSection(page, questionAr);
  await expect(poll.locator("h3 [lang=ar]")).toHaveText(questionAr);
  await expect(poll.getByText(ar.polls.resultsLater)).toBeVisible();
  await expect(poll.locator("table")).toHaveCount(0);

  // Sending without a choice: the message, in Arabic, next to the question, on the dialogue page.
  await poll.getByRole("button", { name: ar.polls.submitAnswer }).click();
  await expect(page).toHaveURL(new RegExp(`^https?://[^/]+${arabicPath}$`));
  const again = pollSection(page, questionAr);
  await expect(again.locator("fieldset").getByText(ar.polls.validation.chooseAnswer)).toBeVisible();
  await expect(again.getByRole("alert")).toContainText(ar.polls.validation.chooseAnswer);

  await again.getByRole("radio", { name: "نعم" }).check();
  await again.getByRole("button", { name: ar.polls.submitAnswer }).click();
  await expect(page).toHaveURL(new RegExp(`^https?://[^/]+${arabicPath}\\?answered=[0-9a-f-]{36}#poll-[0-9a-f-]{36}$`));
  const answered = pollSection(page, questionAr);
  await expect(answered.getByRole("status")).toHaveText(ar.polls.answered);
  await expect(answered.getByRole("radio", { name: "نعم" })).toBeChecked();
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "dialogue-poll-ar-360");

  // Changed while open: still one answer, now "no".
  await answered.getByRole("radio", { name: "لا" }).check();
  await answered.getByRole("button", { name: ar.polls.changeAnswer }).click();
  const changed = pollSection(page, questionAr);
  await expect(changed.getByRole("radio", { name: "لا" })).toBeChecked();
  await expect(changed.getByRole("radio", { name: "نعم" })).not.toBeChecked();
  // The polls page shows the same answer.
  await page.goto(`${arabicPath}/polls`);
  await expect(pollSection(page, questionAr).getByRole("radio", { name: "لا" })).toBeChecked();

  // Signed out: the question and its answers on the dialogue page, the way to sign in (back to
  // this poll) or to join with a code; nothing of the answers while the poll is open.
  await context.clearCookies();
  await page.goto(arabicPath);
  const open = pollSection(page, questionAr);
  await expect(open.getByRole("radio")).toHaveCount(0);
  await expect(open.getByRole("listitem").filter({ hasText: "نعم" })).toBeVisible();
  await expect(open.getByRole("link", { name: ar.polls.signInToAnswer })).toHaveAttribute("href", /\/ar\/sign-in\?callbackPath=/);
  await expect(open.getByRole("link", { name: ar.polls.joinToAnswer })).toHaveAttribute("href", "#take-part");
  await expect(page.locator("#take-part")).toBeVisible();
  await expect(open.locator("table")).toHaveCount(0);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "dialogue-poll-signed-out-ar-360");

  // Closed by the host team: the results (hands at the meeting: 3 and 2 of people with lived
  // experience) on the polls page in German, and the poll is off the dialogue page.
  await signInAs(page, "Sabine Krüger");
  await page.goto(`${germanPath}/polls/manage`);
  await pollSection(page, question).getByRole("button", { name: de.polls.closeSubmit }).click();
  await page.goto(`${germanPath}/polls`);
  const closed = pollSection(page, question);
  await expect(closed.getByText(de.polls.closed, { exact: true })).toBeVisible();
  const hands = closed.locator("table").filter({ has: page.getByText(de.polls.meetingsCaption) });
  await expect(hands.getByRole("row", { name: /Ja/ })).toContainText("3");
  await expect(hands.getByRole("row", { name: /Nein/ })).toContainText("2");
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "poll-results-de-360");
  await page.goto(germanPath);
  await expect(pollSection(page, question)).toHaveCount(0);
});
