import { randomBytes } from "node:crypto";
import { expect, type Browser } from "@playwright/test";
import de from "../../messages/de.json" with { type: "json" };
import { DIALOGUES } from "../../prisma/seed/dialogues";
import { signInAs } from "./sign-in";

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
  await signInAs(page, "Sabine Krüger");
  await page.goto(`/de/musterstadt/${DIALOGUES.collecting.slug}/polls/manage`);
  await page.getByLabel(de.polls.question, { exact: true }).fill(question);
  await page.getByLabel(de.polls.answerLabel.replace("{number, number}", "1"), { exact: true }).fill("Morgens");
  await page.getByLabel(de.polls.answerLabel.replace("{number, number}", "2"), { exact: true }).fill("Abends");
  await page.getByLabel(de.polls.closesAt, { exact: true }).fill("2030-01-01T10:00");
  await page.getByRole("button", { name: de.polls.createSubmit }).click();
  await expect(page.getByRole("status")).toHaveText(de.polls.created);
  const id = /#poll-([0-9a-f-]{36})$/.exec(page.url())?.[1];
  expect(id, "the manage page goes back to the new poll").toBeTruthy();
  const section = page.getByRole("region", { name: question, exact: true });
  await section.getByRole("button", { name: de.polls.closeSubmit }).click();
  await expect(page.getByRole("region", { name: question, exact: true }).getByText(de.polls.closed, { exact: true })).toBeVisible();
  await context.close();
  return { id: id!, question };
}
