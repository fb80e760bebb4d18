// A volunteer of the host team (Hannelore co-hosts the collecting dialogue; the RECORDER role
// that lets volunteers outside the host team do the same is covered in tests/contributions/record-offline-contribution.test.ts) enters what a woman wrote on paper in
// Farsi, with the interpreter named and read back to her — without JavaScript, on a small
// phone. The contribution is shown as hers, "written on paper, recorded by" the volunteer, never
// under the volunteer's name. The volunteer then records the hands raised at the Weststadt evening,
// shown apart from online supports. The dialogue page lists the meeting and links its calendar file.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES, MEETINGS } from "../prisma/seed/dialogues";

const MUNICIPALITY = "musterstadt";
const dialoguePath = `/de/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`;
const hannelore = DEMO_ACCOUNTS.find((account) => account.displayName === "Hannelore Schmitt")!;
// Another spec moves the deliberating dialogue on to answering; the collecting one stays put.
const meeting = MEETINGS.weststadtEvening;

async function signIn(page: Page) {
  await page.goto(`/de/sign-in`);
  await page.getByLabel(de.signIn.code, { exact: true }).fill(hannelore.signInCode);
  await page.getByRole("button", { name: de.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/de`);
}

/** An iCalendar file's content lines, long lines unfolded (RFC 5545, 3.1). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");

test("a volunteer enters a paper contribution with interpreter and read-back, and records supports from a meeting", async ({ page, browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const noScript = await context.newPage();
  await signIn(noScript);
  await noScript.goto(dialoguePath);

  // The dialogue page lists the meeting and links the calendar file of all its meetings.
  const meetings = noScript.getByRole("region", { name: de.meetings.heading, exact: true });
  await expect(meetings.getByRole("heading", { name: meeting.title, exact: true })).toBeVisible();
  const calendarHref = await meetings.getByRole("link", { name: de.meetings.calendar, exact: true }).getAttribute("href");
  expect(calendarHref).toBe(`${dialoguePath}/meetings/calendar.ics`);
  const calendar = await noScript.request.get(calendarHref!);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const lines = unfold(await calendar.text());
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  // A comma in a title or place is escaped, so it cannot split the value.
  expect(lines).toContain(`SUMMARY:${meeting.title.replaceAll(",", "\\,")}`);
  expect(lines).toContain(`LOCATION:${meeting.place.replaceAll(",", "\\,")}`);
  const meetingsOfDialogue = Object.values(MEETINGS).filter((candidate) => candidate.dialogue === "collecting");
  expect(lines.filter((line) => /^DTSTART:\d{8}T\d{6}Z$/.test(line))).toHaveLength(meetingsOfDialogue.length);

  // The form for offline voices, without JavaScript.
  await noScript.getByRole("link", { name: de.onBehalf.link, exact: true }).click();
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveText(de.onBehalf.pageTitle);
  const title = `کلاس زبان با مراقبت از کودک ${randomBytes(2).toString("hex")}`;
  const body = "من نمی‌توانم به کلاس بروم، چون کسی از دخترم نگهداری نمی‌کند.";
  const interpreter = "Parisa R. (Sprachmittlerin)";
  await noScript.getByRole("group", { name: de.onBehalf.sourceLegend }).getByLabel(de.onBehalf.sources.PAPER, { exact: true }).check();
  await noScript.getByLabel(de.onBehalf.language, { exact: true }).selectOption("fa");
  await noScript.getByLabel(de.onBehalf.interpreterName, { exact: true }).fill(interpreter);
  await noScript.getByRole("group", { name: de.onBehalf.perspectiveLegend }).getByLabel(de.perspectives.LIVED_EXPERIENCE, { exact: true }).check();
  await noScript.getByRole("group", { name: de.post.theme }).getByRole("radio").first().check();
  await noScript.getByLabel(de.post.title, { exact: true }).fill(title);
  await noScript.getByLabel(de.post.body, { exact: true }).fill(body);

  // Not read back yet: refused, with what was typed kept.
  await noScript.getByRole("button", { name: de.onBehalf.submit, exact: true }).click();
  await expect(noScript.getByText(de.onBehalf.readBackRequired, { exact: true })).toBeVisible();
  await expect(noScript.getByLabel(de.post.title, { exact: true })).toHaveValue(title);
  await expect(noScript.getByLabel(de.onBehalf.interpreterName, { exact: true })).toHaveValue(interpreter);

  await noScript.getByLabel(de.onBehalf.readBack, { exact: true }).check();
  await noScript.getByRole("button", { name: de.onBehalf.submit, exact: true }).click();
  // First the receipt slip to hand to her (e2e/volunteer-hands-out-receipt.spec.ts), then her contribution.
  await expect(noScript).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]+/receipt$`));
  await noScript.getByRole("link", { name: de.receiptSlip.toContribution, exact: true }).click();
  await expect(noScript).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]+$`));
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(noScript.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "fa");

  // Hers, said on paper, recorded by the volunteer, interpreted by Parisa; never "by Hannelore".
  const authorLine = noScript.locator("article p", { hasText: de.contributionPage.recordedBy.replace("{name}", hannelore.displayName) });
  await expect(authorLine).toContainText(de.contributionPage.offlineVoice);
  // "auf Papier geschrieben": the PAPER case of the message, up to its date.
  await expect(authorLine).toContainText(/PAPER \{([^,{]+)/.exec(de.contributionPage.saidAt)![1]!);
  await expect(authorLine).toContainText(de.onBehalf.interpretedBy.replace("{name}", interpreter));
  // ("aufgeschrieben von Hannelore Schmitt", never "Von Hannelore Schmitt": case matters here.)
  await expect(authorLine).not.toContainText(`${de.contributionPage.by} ${hannelore.displayName}`);
  const contributionUrl = noScript.url();
  await context.close();

  // With JavaScript: the hands raised at the dialogue café, counted apart from online supports.
  await signIn(page);
  await page.goto(contributionUrl);
  const supports = page.locator("#supports");
  await supports.getByText(de.meetings.supportsRecord, { exact: true }).click();
  const meetingSelect = supports.getByLabel(de.meetings.supportMeeting, { exact: true });
  await meetingSelect.selectOption((await meetingSelect.locator("option", { hasText: meeting.title }).getAttribute("value"))!);
  await supports.getByLabel(de.meetings.supportPerspective, { exact: true }).selectOption("LIVED_EXPERIENCE");
  await supports.getByLabel(de.meetings.supportCount, { exact: true }).fill("6");
  await supports.getByRole("button", { name: de.meetings.supportSubmit, exact: true }).click();
  const tally = page.getByRole("region", { name: de.meetings.supportsHeading, exact: true });
  await expect(tally).toContainText(`${de.perspectives.LIVED_EXPERIENCE}: 6`);
  await expect(tally).toContainText(meeting.title);
  const livedExperience = supports.locator(`dt:text-is("${de.perspectives.LIVED_EXPERIENCE}") + dd`).first();
  await expect(livedExperience).toHaveText(de.meetings.onlineAndAtMeetings.replace("{online}", "0").replace("{atMeetings}", "6"));
});
