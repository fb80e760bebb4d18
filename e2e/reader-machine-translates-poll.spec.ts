// A quick poll takes part in the machine translation of the dialogue's texts (issue 19, decision
// 048): the host team asks in German; a Turkish reader, signed in, on a phone without JavaScript,
// presses the dialogue's one button and reads the open poll on the dialogue page in Turkish,
// marked as a machine's translation (the local LibreTranslate-compatible translator answers
// "[tr] …"). An Arabic reader finds the same button on the polls page of another dialogue, for a
// closed poll too.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import tr from "../messages/tr.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { before, signInAs } from "./support/sign-in";
import { keepScreenshot } from "./support/screenshot";
import { askPoll, closePoll, pollSection } from "./support/polls";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const dialogue = DIALOGUES.collecting;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a Turkish reader has an open poll machine-translated with the dialogue's texts and reads it marked so", async ({ page, context }) => {
  test.setTimeout(120_000);
  const question = `Wann passt das Dialogcafé? ${String(randomBytes(3).readUIntBE(0, 3))}`;

  await askPoll(page, { dialogueSlug: dialogue.slug, question, answers: ["Morgens", "Abends"] });
  await context.clearCookies();

  const olena = DEMO_ACCOUNTS.find((candidate) => candidate.displayName.startsWith("Olena"))!;
  await page.goto("/tr/sign-in");
  await page.getByLabel(tr.signIn.code, { exact: true }).fill(olena.signInCode);
  await page.getByRole("button", { name: tr.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/tr");
  const path = `/tr/musterstadt/${dialogue.slug}`;
  await page.goto(path);
  // Before: the German original, marked German on the Turkish page and said so.
  const original = pollSection(page, question);
  await expect(original.locator("h3 [lang=de]")).toHaveText(question);
  await page
    .getByRole("main")
    .getByRole("button", { name: new RegExp(`^${escape(tr.translations.requestMachine.split("{")[0]!)}`) })
    .first()
    .click();
  await expect(page).toHaveURL(path);

  const translated = pollSection(page, `[tr] ${question}`);
  await expect(translated.locator("h3 [lang=tr]")).toHaveText(`[tr] ${question}`);
  await expect(translated.getByTestId("host-text-note")).toContainText(tr.hostTexts.byMachine);
  // Olena is a member of the dialogue: the translated answers are the choices of her answer form.
  await expect(translated.getByRole("radio", { name: "[tr] Morgens", exact: true })).toBeVisible();
  await expect(translated.getByRole("radio", { name: "[tr] Abends", exact: true })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "dialogue-poll-machine-tr-360");

  // The host team's manage page closes it again, so the dialogue page does not collect polls.
  await context.clearCookies();
  await signInAs(page, "Sabine Krüger");
  await page.goto(`/de/musterstadt/${dialogue.slug}/polls/manage`);
  await closePoll(page, question);
});

test("an Arabic reader has a closed poll machine-translated from the polls page and reads it marked so", async ({ page, context }) => {
  test.setTimeout(120_000);
  // Another dialogue than the other poll specs': once a reader has its polls machine-translated
  // into Arabic, each poll added later is too (decision 048), and they read new polls in Arabic.
  const dialogue = DIALOGUES.deliberating;
  const question = `Soll das Dialogcafé samstags öffnen? ${String(randomBytes(3).readUIntBE(0, 3))}`;

  // Closed at once: its results are on the polls page only, which is where the reader asks.
  await askPoll(page, { dialogueSlug: dialogue.slug, question, answers: ["Ja", "Nein"], close: true });
  await context.clearCookies();

  await signInAs(page, "Nour", "ar");
  const path = `/ar/musterstadt/${dialogue.slug}/polls`;
  await page.goto(path);
  // Before: the German original, marked German on the Arabic page and said so.
  const original = pollSection(page, question);
  await expect(original.locator("h2 [lang=de]")).toHaveText(question);
  await expect(original.getByTestId("host-text-note")).toContainText(ar.hostTexts.shownIn.replace("{language}", ""));
  // Closed, never counted at a meeting: its online results, and no "counted at meetings" block
  // with a "no quick polls yet" under it.
  await expect(original.getByRole("heading", { name: ar.polls.onlineHeading, exact: true })).toBeVisible();
  await expect(original.getByRole("heading", { name: ar.polls.meetingsHeading, exact: true })).toHaveCount(0);
  await expect(original.getByText(ar.polls.none, { exact: true })).toHaveCount(0);
  await keepScreenshot(page, "polls-page-before-machine-ar-360");
  const button = page.getByRole("main").getByRole("button", { name: new RegExp(`^${escape(before(ar.translations.requestMachine, "language"))}`) });
  await expect(button).toHaveCount(1);
  await button.click();
  await expect(page).toHaveURL(path);

  const translated = pollSection(page, `[ar] ${question}`);
  await expect(translated.locator("h2 [lang=ar]")).toHaveText(`[ar] ${question}`);
  await expect(translated.getByTestId("host-text-note")).toContainText(ar.hostTexts.byMachine);
  // (Whether the button is gone depends on polls other specs add meanwhile: held by tests/polls/poll-machine-translation.test.ts.)
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "polls-page-machine-ar-360");
});
