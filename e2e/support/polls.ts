import { randomBytes } from "node:crypto";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import de from "../../messages/de.json" with { type: "json" };
import { DIALOGUES } from "../../prisma/seed/dialogues";
import { signInAs } from "./sign-in";

/** The part of the page that is the poll asking `question` (its own section, on every poll page). */
export function pollSection(page: Page, question: string): Locator {
  // The section named by its question (aria-labelledby), not the list of polls around it.
  return page.getByRole("region", { name: question, exact: true });
}

/**
 * The host team (Sabine Krüger, signed in on `page`) asks `question` in German with two answers in
 * the dialogue's polls manage page, open until 2030; `close` ends it at once. Sabine stays signed in.
 * Answers the poll's id.
 */
export async function askPoll(
  page: Page,
  { dialogueSlug, question, answers, close = false }: { dialogueSlug: string; question: string; answers: [string, string]; close?: boolean },
): Promise<string> {
  await signInAs(page, "Sabine Krüger");
  await page.goto(`/de/musterstadt/${dialogueSlug}/polls/manage`);
  await page.getByLabel(de.polls.question, { exact: true }).fill(question);
  await page.getByLabel(de.polls.answerLabel.replace("{number, number}", "1"), { exact: true }).fill(answers[0]);
  await page.getByLabel(de.polls.answerLabel.replace("{number, number}", "2"), { exact: true }).fill(answers[1]);
  await page.getByLabel(de.polls.closesAt, { exact: true }).fill("2030-01-01T10:00");
  await page.getByRole("button", { name: de.polls.createSubmit }).click();
  await expect(page.getByRole("status")).toHaveText(de.polls.created);
  const id = /#poll-([0-9a-f-]{36})$/.exec(page.url())?.[1];
  expect(id, "the manage page goes back to the new poll").toBeTruthy();
  if (close) await closePoll(page, question);
  return id!;
}

/** On the polls manage page, the host team ends the poll asking `question`. */
export async function closePoll(page: Page, question: string): Promise<void> {
  await pollSection(page, question).getByRole("button", { name: de.polls.closeSubmit }).click();
  await expect(pollSection(page, question).getByText(de.polls.closed, { exact: true })).toBeVisible();
}

/**
 * The host team (Sabine Krüger) asks a quick poll in the collecting dialogue, in German, and ends
 * it at once — so the dialogue page, which lists open polls, stays as it was — for the sweeps that
 * visit a poll's own pages (the polls page's results, /texts/poll/<id>). The seed has no poll.
 * Answers the poll's id and question.
 */
export async function askClosedPoll(browser: Browser): Promise<{ id: string; question: string }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Digits only after the words: a German question, whatever page it stands on.
  const question = `Wann soll das nächste Dialogcafé sein? ${String(randomBytes(3).readUIntBE(0, 3))}`;
  const id = await askPoll(page, { dialogueSlug: DIALOGUES.collecting.slug, question, answers: ["Morgens", "Abends"], close: true });
  await context.close();
  return { id, question };
}
