// A quick poll (issue 19, decision 048), without JavaScript at 360 px: the town's integration
// officer adds a poll to the dialogue from its manage page and writes it in Arabic; Nour answers it
// in Arabic, right to left, and changes her answer while it is open. Results are not shown while it
// is open: nobody can read one person's answer off a change in the numbers.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { DIALOGUES } from "../prisma/seed/dialogues";
import { signInAs } from "./support/sign-in";
import { keepScreenshot } from "./support/screenshot";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const MUNICIPALITY = "musterstadt";
const dialogue = DIALOGUES.collecting;

async function expectNoSidewaysScrolling(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test("the host team adds a poll in German and Arabic, and a participant answers it in Arabic without JavaScript", async ({ page, context }) => {
  // Two people, two sign-ins and six form posts on a shared 2-core machine.
  test.setTimeout(120_000);
  const tag = randomBytes(3).toString("hex");
  const question = `Braucht die Unterkunft einen Lernraum? ${tag}`;
  const questionAr = `هل يحتاج السكن إلى غرفة للدراسة؟ ${tag}`;
  const germanPath = `/de/${MUNICIPALITY}/${dialogue.slug}`;

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
  const section = page.locator("section").filter({ has: page.getByRole("heading", { name: question }) });
  await expect(section).toBeVisible();

  // The Arabic version: <details> opens without JavaScript.
  await section.getByText(de.polls.textsHeading).click();
  const arabicForm = section.locator("form").filter({ has: page.locator('input[name="language"][value="ar"]') });
  await arabicForm.locator('input[name="question"]').fill(questionAr);
  await arabicForm.locator('input[name="answer-1"]').fill("نعم");
  await arabicForm.locator('input[name="answer-2"]').fill("لا");
  await arabicForm.getByRole("button", { name: de.polls.textSubmit }).click();
  await expect(page.getByRole("status")).toHaveText(de.polls.saved);

  await context.clearCookies();
  await signInAs(page, "Nour", "ar");
  await page.goto(`/ar/${MUNICIPALITY}/${dialogue.slug}`);
  await page.getByRole("link", { name: ar.polls.heading, exact: true }).click();
  await expect(page).toHaveURL(`/ar/${MUNICIPALITY}/${dialogue.slug}/polls`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const poll = page.locator("section").filter({ has: page.getByRole("heading", { name: questionAr }) });
  await expect(poll.getByRole("heading", { name: questionAr })).toBeVisible();
  await expect(poll.locator("h2 [lang=ar]")).toHaveText(questionAr);
  await expect(poll.getByText(ar.polls.resultsLater)).toBeVisible();

  // Sending without a choice: the message, in Arabic, next to the question.
  await poll.getByRole("button", { name: ar.polls.submitAnswer }).click();
  const again = page.locator("section").filter({ has: page.getByRole("heading", { name: questionAr }) });
  await expect(page.getByText(ar.polls.validation.chooseAnswer).first()).toBeVisible();

  await again.getByRole("radio", { name: "نعم" }).check();
  await again.getByRole("button", { name: ar.polls.submitAnswer }).click();
  await expect(page).toHaveURL(/\/polls\?answered=[0-9a-f-]{36}#poll-/);
  const answered = page.locator("section").filter({ has: page.getByRole("heading", { name: questionAr }) });
  await expect(answered.getByRole("status")).toHaveText(ar.polls.answered);
  await expect(answered.getByRole("radio", { name: "نعم" })).toBeChecked();
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "poll-answered-ar-360");

  // Changed while open: still one answer, now "no".
  await answered.getByRole("radio", { name: "لا" }).check();
  await answered.getByRole("button", { name: ar.polls.changeAnswer }).click();
  const changed = page.locator("section").filter({ has: page.getByRole("heading", { name: questionAr }) });
  await expect(changed.getByRole("radio", { name: "لا" })).toBeChecked();
  await expect(changed.getByRole("radio", { name: "نعم" })).not.toBeChecked();

  // Signed out, nothing of the answers while the poll is open.
  await context.clearCookies();
  await page.goto(`/ar/${MUNICIPALITY}/${dialogue.slug}/polls`);
  const open = page.locator("section").filter({ has: page.getByRole("heading", { name: questionAr }) });
  await expect(open.getByText(ar.polls.joinToAnswer)).toBeVisible();
  await expect(open.locator("table")).toHaveCount(0);
});
