// With JavaScript, "Say it instead" records in the page (decision 033): a visible timer, stop,
// listen before sending, and the recording goes with the same form as a chosen file would — the
// server checks what Chromium's MediaRecorder makes (WebM/Opus) by its content and keeps it.
// Chromium's fake microphone stands in for a person speaking.
import { expect, test } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";
import { chromium } from "./support/browsers";

test.use({
  viewport: { width: 360, height: 740 },
  permissions: ["microphone"],
  launchOptions: chromium("shell", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"),
});

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;

test("a person records a need in the browser, listens to it and sends it", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/de/join/${invitation.code}`);
  await page.getByLabel(de.join.displayName, { exact: true }).fill(`Aufnahme ${Date.now().toString(36)}`);
  await page.getByRole("radio", { name: de.join.perspectives.LIVED_EXPERIENCE }).check();
  await page.getByLabel(de.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: de.join.signUpSubmit }).click();
  await expect(page.getByRole("link", { name: de.join.toDialogue })).toBeVisible();
  const dialoguePath = `/de/musterstadt/${DIALOGUES.collecting.slug}`;

  await page.goto(`${dialoguePath}/new/voice`);
  await page.getByRole("button", { name: de.voice.recorder.start }).click();
  const timer = page.getByRole("timer", { name: de.voice.recorder.elapsed });
  await expect(timer).toContainText("/ 3:00");
  await expect(timer).toContainText("0:01 /");
  await page.getByRole("button", { name: de.voice.recorder.stop }).click();

  // Listen before sending; the recording now fills the file field of the form.
  await expect(page.getByText(de.voice.recorder.listen)).toBeVisible();
  await expect(page.locator("audio[src^='blob:']")).toHaveCount(1);
  await expect(page.getByRole("button", { name: de.voice.recorder.again })).toBeVisible();
  expect(await page.getByLabel(de.voice.file, { exact: true }).evaluate((input: HTMLInputElement) => input.files?.[0]?.type)).toBe("audio/webm");

  await page.getByRole("group", { name: de.post.theme }).getByRole("radio").first().check();
  await page.getByRole("button", { name: de.voice.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.voice.untitled);
  await expect(page.getByTestId("voice-note")).toContainText(de.voice.pending);
});
