// A woman who speaks Farsi says her need instead of typing it, on a cheap phone without
// JavaScript: she joins with the poster's code, opens "Say it instead", picks the language she
// speaks and chooses the recording her phone made (a text file named .ogg is refused first). Her
// need shows as "voice message, transcript pending" with its theme. A volunteer of the host team
// plays it (nobody else can), writes it down in Farsi, adds a German translation and ticks that
// she read it back; the need then reads as a normal contribution with who wrote it down and the
// read-back — in German for the volunteer, in Farsi for her (decisions 008 and 033).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import fa from "../messages/fa.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";
import { demoAccount } from "./support/sign-in";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
test.use(phone);

/** The error summary at the top of a form (components/form/form.tsx). */
const summaryOf = (page: Page, title: string) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: title }) });
const titlePrefix = (template: string) => new RegExp(`^${template.split("{title}")[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const fixtures = path.join(import.meta.dirname, "../tests/voice/fixtures");
const recording = readFileSync(path.join(fixtures, "voice.ogg"));

/** Signs in with a demo account's code (the form's answer may carry the error summary's anchor). */
async function signIn(page: Page, displayName: string) {
  await page.goto("/de/sign-in");
  await page.getByLabel(de.signIn.code, { exact: true }).fill(demoAccount(displayName).signInCode);
  await page.getByRole("button", { name: de.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/de(#[\w-]*)?$/);
}

test("a voice need in Farsi is written down and translated by a volunteer, and shows who did it", async ({ page, browser, request }) => {
  // Three people, a dozen pages without JavaScript: longer than the default on a busy machine.
  test.setTimeout(120_000);
  const name = `فاطمه ${randomBytes(3).toString("hex")}`;
  const title = `دکتر برای بچه‌ها ${randomBytes(2).toString("hex")}`;

  // She joins with the code from the poster, in Farsi.
  await page.goto(`/fa/join/${invitation.code}`);
  await page.getByLabel(fa.join.displayName, { exact: true }).fill(name);
  await page.getByRole("radio", { name: fa.join.perspectives.LIVED_EXPERIENCE }).check();
  await page.getByLabel(fa.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: fa.join.signUpSubmit }).click();
  await page.getByRole("link", { name: fa.join.toDialogue }).click();
  const dialoguePath = new URL(page.url()).pathname;

  // "Say it instead" beside the post form.
  await page.goto(`${dialoguePath}/new`);
  await page.getByRole("link", { name: fa.voice.sayInstead }).click();
  await expect(page).toHaveURL(`${dialoguePath}/new/voice`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fa.voice.pageTitle);
  await expectNoSidewaysScrolling(page);
  const file = page.getByLabel(fa.voice.file, { exact: true });
  await expect(file).toHaveAttribute("accept", "audio/*");
  await expect(file).toHaveAttribute("capture", "user");
  await expect(page.getByLabel(fa.voice.language)).toHaveValue("fa");

  await page.getByRole("radio", { name: fa.post.need }).check();
  await page.getByRole("group", { name: fa.post.theme }).getByRole("radio").first().check();
  await page.getByLabel(fa.voice.title, { exact: true }).fill(title);

  // A text file with an audio name is refused by its content, with what she typed kept.
  await file.setInputFiles({ name: "voice.ogg", mimeType: "audio/ogg", buffer: Buffer.from("this is not a recording\n") });
  await page.getByRole("button", { name: fa.voice.submit }).click();
  await expect(page.getByText(fa.voice.errors.notAudio).first()).toBeVisible();
  // The error summary on top has the focus, links to the file field, and the title says "Error:".
  const summary = summaryOf(page, fa.feedback.summaryTitle);
  await expect(summary).toBeFocused();
  const fileLink = summary.locator(`a[href="#${await file.getAttribute("id")}"]`);
  await expect(fileLink).toContainText(fa.voice.file);
  await expect(fileLink).toContainText(fa.voice.errors.notAudio);
  await expect(page).toHaveTitle(titlePrefix(fa.feedback.errorTitle));
  await expect(page.getByLabel(fa.voice.title, { exact: true })).toHaveValue(title);

  await page.getByLabel(fa.voice.file, { exact: true }).setInputFiles({ name: "recording.ogg", mimeType: "audio/ogg", buffer: recording });
  await page.getByRole("button", { name: fa.voice.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]+$`));
  const contributionPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const note = page.getByTestId("voice-note");
  await expect(note).toContainText(fa.voice.pending);
  // She can play her own recording back (decision 046); apart from her, only the team can.
  await expect(note.locator("audio")).toHaveCount(1);
  await expectNoSidewaysScrolling(page);

  // The dialogue's list shows it as pending.
  await page.goto(dialoguePath);
  const item = page.locator("article", { has: page.getByRole("link", { name: title }) });
  await expect(item.getByTestId("voice-pending")).toHaveText(fa.voice.pending);

  // The recording is not public.
  const contributionId = contributionPath.split("/").pop()!;
  const audioPath = `${contributionPath}/voice`;
  expect((await request.get(audioPath)).status()).toBe(401);
  expect((await page.request.get(audioPath)).status()).toBe(200);

  // Hannelore (host team, a volunteer) plays it and writes it down.
  const volunteerContext = await browser.newContext(phone);
  const volunteer = await volunteerContext.newPage();
  await signIn(volunteer, "Hannelore Schmitt");
  const germanPath = contributionPath.replace(/^\/fa\//, "/de/");
  await volunteer.goto(germanPath);
  const teamNote = volunteer.getByTestId("voice-note");
  await expect(teamNote).toContainText(de.voice.pending);
  await expect(teamNote.locator("audio")).toHaveAttribute("src", `/de${audioPath.slice(3)}`);
  const audio = await volunteer.request.get(`/de${audioPath.slice(3)}`);
  expect(audio.status()).toBe(200);
  expect(audio.headers()["content-type"]).toBe("audio/ogg");
  expect(audio.headers()["cache-control"]).toBe("private, no-store");
  expect(audio.headers()["x-content-type-options"]).toBe("nosniff");
  expect(audio.headers()["content-disposition"]).toBe('inline; filename="voice-message.ogg"');
  expect(Buffer.from(await audio.body()).equals(recording)).toBe(true);

  await teamNote.getByRole("link", { name: de.voice.transcribeLink }).click();
  await expect(volunteer).toHaveURL(`${germanPath}/transcript`);
  await expectNoSidewaysScrolling(volunteer);
  const transcript = "برای بچه‌هایم در خانهٔ ۳ دکتر اطفال پیدا نمی‌کنم. نوبت‌ها خیلی دیر است.";
  await expect(volunteer.getByLabel(de.voiceTranscript.title, { exact: true })).toHaveValue(title);
  await volunteer.getByLabel(de.voiceTranscript.transcript).fill(transcript);
  await volunteer.getByLabel(de.voiceTranscript.readBack).check();
  await volunteer.getByLabel(de.voiceTranscript.translationLanguage).selectOption("de");
  await volunteer.getByLabel(de.voiceTranscript.translationTitle, { exact: true }).fill("Kinderarzt für meine Kinder");
  await volunteer.getByLabel(de.voiceTranscript.translationBody, { exact: true }).fill("Für meine Kinder in Haus 3 finde ich keinen Kinderarzt. Die Termine sind sehr spät.");
  await volunteer.getByRole("button", { name: de.voiceTranscript.submit }).click();

  // A normal contribution now, with its trace: the German translation for the volunteer.
  await expect(volunteer).toHaveURL(germanPath);
  await expect(volunteer.getByRole("heading", { level: 1 })).toHaveText("Kinderarzt für meine Kinder");
  const trace = volunteer.getByTestId("voice-note");
  await expect(trace).toContainText(de.voice.trace.said);
  await expect(trace).toContainText(de.voice.trace.transcribedBy.replace("{name}", "Hannelore Schmitt"));
  await expect(trace).toContainText(de.voice.trace.readBack);
  await volunteer.goto(`${germanPath}?original=1`);
  await expect(volunteer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(volunteer.getByTestId("contribution-body")).toHaveAttribute("lang", "fa");
  await expect(volunteer.getByTestId("contribution-body")).toContainText(transcript);
  await volunteerContext.close();

  // She reads her words as written down, and who wrote them down, in Farsi.
  await page.goto(contributionPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("contribution-body")).toContainText(transcript);
  await expect(page.getByTestId("voice-note")).toContainText(fa.voice.trace.transcribedBy.replace("{name}", "Hannelore Schmitt"));
  await expect(page.getByTestId("voice-note")).toContainText(fa.voice.trace.readBack);
  expect(contributionId).toMatch(/^[0-9a-f-]{36}$/);
});
