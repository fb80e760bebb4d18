// A woman who speaks Farsi comments on a need by voice, on a cheap phone without JavaScript: she
// joins with the poster's code, opens "Say it instead" under the comment form, and chooses the
// recording her phone made in the file field. Her comment shows in the thread as "voice message,
// transcript pending", with her own recording to play back. Hannelore (a recorder of the dialogue)
// writes it down in Farsi with a German translation and ticks that she read it back; the comment
// then reads as written down, with who wrote it. Jonas of the host team corrects the transcript
// from the thread, and the trace names him (decisions 033 and 046).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import fa from "../messages/fa.json" with { type: "json" };
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { INVITATIONS } from "../prisma/seed/dialogues";
import { keepScreenshot } from "./support/screenshot";
import { signInAs } from "./support/sign-in";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
test.use(phone);

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const recording = readFileSync(path.join(import.meta.dirname, "../tests/voice/fixtures/voice.ogg"));
// A need of the collecting dialogue written in Farsi, so the Farsi list shows its own title.
const need = CONTRIBUTIONS.find((seeded) => seeded.dialogue === "collecting" && seeded.language === "fa" && seeded.kind === "NEED")!;

async function signedIn(browser: Browser, displayName: string): Promise<Page> {
  const page = await (await browser.newContext(phone)).newPage();
  await signInAs(page, displayName, "de");
  return page;
}

/** The trace under a written-down voice comment, as one line of sentences. */
function traceOf(comment: Locator) {
  return comment.getByTestId("comment-voice-trace");
}

test("a voice comment in Farsi is uploaded, written down by a recorder, corrected by the host team, and shows who did it", async ({ page, browser }) => {
  // Three people, a dozen pages without JavaScript: longer than the default on a busy machine.
  test.setTimeout(120_000);
  const name = `مریم ${randomBytes(3).toString("hex")}`;

  await page.goto(`/fa/join/${invitation.code}`);
  await page.getByLabel(fa.join.displayName, { exact: true }).fill(name);
  await page.getByRole("radio", { name: fa.join.perspectives.LIVED_EXPERIENCE }).check();
  await page.getByLabel(fa.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: fa.join.signUpSubmit }).click();
  await page.getByRole("link", { name: fa.join.toDialogue }).click();
  const item = page.locator("article").filter({ has: page.getByRole("link", { name: need.title, exact: true }) });
  await item.getByRole("link", { name: need.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(need.title);
  const contributionPath = new URL(page.url()).pathname;

  // "Say it instead" under the comment form (the last one on the page: an opened reply form comes before it), to a page of its own.
  await page.getByRole("link", { name: fa.comments.sayInstead }).last().click();
  await expect(page).toHaveURL(`${contributionPath}/voice-comment`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fa.voiceComment.pageTitle);
  const file = page.getByLabel(fa.voice.file, { exact: true });
  await expect(file).toHaveAttribute("accept", "audio/*");
  await expect(file).toHaveAttribute("capture", "user");
  await expect(page.getByLabel(fa.voice.language)).toHaveValue("fa");
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "voice-comment-form-fa-360", { file: "test-results/voice-comment-form-fa-360.png" });

  await file.setInputFiles({ name: "recording.ogg", mimeType: "audio/ogg", buffer: recording });
  await page.getByRole("button", { name: fa.voice.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${contributionPath}\\?comment=[0-9a-f-]{36}#comment-[0-9a-f-]{36}$`));
  const commentId = new URL(page.url()).searchParams.get("comment")!;
  const mine = page.locator(`#comment-${commentId}`);
  await expect(mine.getByTestId("voice-pending")).toHaveText(fa.voice.pending);
  await expect(mine).toContainText(name);
  // She plays her own recording back; she cannot write the transcript.
  await expect(mine.locator("audio")).toHaveCount(1);
  await expect(mine.getByRole("link", { name: fa.voice.transcribeLink })).toHaveCount(0);
  await expectNoSidewaysScrolling(page);

  // Hannelore, a recorder of the dialogue, writes it down from the thread.
  const germanPath = contributionPath.replace(/^\/fa\//, "/de/");
  const recorder = await signedIn(browser, "Hannelore Schmitt");
  await recorder.goto(`${germanPath}?comment=${commentId}`);
  const pending = recorder.locator(`#comment-${commentId}`);
  await expect(pending.getByTestId("voice-pending")).toHaveText(de.voice.pending);
  await pending.getByRole("link", { name: de.voice.transcribeLink }).click();
  await expect(recorder).toHaveURL(`${germanPath}/transcript/${commentId}`);
  await expect(recorder.getByRole("heading", { level: 1 })).toHaveText(de.voiceComment.transcriptTitle);
  await expectNoSidewaysScrolling(recorder);
  const transcript = "ما هم در ساختمان A همین مشکل را داریم. یک پرده کمک می‌کند.";
  await expect(recorder.getByLabel(de.voiceTranscript.transcript)).toHaveValue("");
  await recorder.getByLabel(de.voiceTranscript.transcript).fill(transcript);
  await recorder.getByLabel(de.voiceTranscript.readBack).check();
  await recorder.getByLabel(de.voiceTranscript.translationLanguage).selectOption("de");
  await recorder.getByLabel(de.voiceTranscript.translationBody, { exact: true }).fill("Wir haben in Haus A dasselbe Problem. Ein Vorhang würde helfen.");
  await recorder.getByRole("button", { name: de.voiceTranscript.submit }).click();

  const written = recorder.locator(`#comment-${commentId}`);
  await expect(written.getByTestId("voice-pending")).toHaveCount(0);
  await expect(written).toContainText("Wir haben in Haus A dasselbe Problem. Ein Vorhang würde helfen.");
  await expect(traceOf(written)).toContainText(de.voice.trace.said);
  await expect(traceOf(written)).toContainText(de.voice.trace.transcribedBy.replace("{name}", "Hannelore Schmitt"));
  await expect(traceOf(written)).toContainText(de.voice.trace.readBack);
  await expectNoSidewaysScrolling(recorder);
  await recorder.context().close();

  // Jonas of the host team hears a word was missed and corrects it, from the thread.
  const host = await signedIn(browser, "Jonas Weber");
  await host.goto(`${germanPath}?comment=${commentId}`);
  await host.locator(`#comment-${commentId}`).getByRole("link", { name: de.voice.editTranscriptLink }).click();
  await expect(host).toHaveURL(`${germanPath}/transcript/${commentId}`);
  await expect(host.getByLabel(de.voiceTranscript.transcript)).toHaveValue(transcript);
  const corrected = "ما هم در ساختمان A همین مشکل را داریم. یک پرده یا دیوار کمک می‌کند.";
  await host.getByLabel(de.voiceTranscript.transcript).fill(corrected);
  await host.getByLabel(de.voiceTranscript.readBack).check();
  await host.getByRole("button", { name: de.voiceTranscript.submit }).click();
  await expect(traceOf(host.locator(`#comment-${commentId}`))).toContainText(de.voice.trace.transcribedBy.replace("{name}", "Jonas Weber"));
  await host.context().close();

  // She reads her words as corrected, and who wrote them down, in Farsi.
  await page.goto(`${contributionPath}?comment=${commentId}`);
  await expect(mine).toContainText(corrected);
  await expect(traceOf(mine)).toContainText(fa.voice.trace.transcribedBy.replace("{name}", "Jonas Weber"));
  await expect(traceOf(mine)).toContainText(fa.voice.trace.readBack);
  await expect(mine.getByTestId("voice-pending")).toHaveCount(0);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "voice-comment-written-fa-360", { file: "test-results/voice-comment-written-fa-360.png" });
});
