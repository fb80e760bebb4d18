// Issue 18's "done when", on phones without JavaScript: staff connect the town's SMS number
// (Twilio); a woman who speaks Farsi says her need as a voice message (she uploads what her
// phone recorded); Hannelore, a volunteer of the host team, writes it down in Farsi and translates
// it into German, and the need shows who did it. A man who writes no web forms sends his need by
// SMS in Farsi, in a short conversation with the town's number; staff answer it on its page, and
// the answer goes back to him by SMS, in Farsi. The moderator then blocks his number from the
// need's page. Twilio is a local server that speaks its Messages resource (scripts/e2e-server.ts);
// the test signs each incoming SMS as Twilio does and asserts the exact requests the app sent.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import fa from "../messages/fa.json" with { type: "json" };
import { createTranslator } from "use-intl/core";
import { languageName } from "../lib/i18n/language-names";
import { locales } from "../lib/i18n/routing";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";
import { demoAccount } from "./support/sign-in";
import { E2E_TWILIO_ACCOUNT_SID, E2E_TWILIO_AUTH_TOKEN, twilioInbound } from "./support/twilio";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
test.use(phone);

const MUNICIPALITY = "musterstadt";
const TOWN_NUMBER = "+4930901820";
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const recording = readFileSync(path.join(import.meta.dirname, "../tests/voice/fixtures/voice.ogg"));
const mailbox = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? 3101)}`;

type TwilioRequest = { method: string; path: string; authorization: string | undefined; contentType: string | undefined; body: string };

/** What the app asked the local Twilio to send to `to`, in order. */
async function sentTo(page: Page, to: string): Promise<TwilioRequest[]> {
  const requests = (await (await page.request.get(`${mailbox}/twilio-requests`)).json()) as TwilioRequest[];
  return requests.filter((request) => new URLSearchParams(request.body).get("To") === to);
}

/** Each sent message is exactly one request to Twilio's Messages resource, as Twilio's API expects it. */
function expectTwilioMessage(request: TwilioRequest, to: string) {
  expect(request.method).toBe("POST");
  expect(request.path).toBe(`/2010-04-01/Accounts/${E2E_TWILIO_ACCOUNT_SID}/Messages.json`);
  expect(request.authorization).toBe(`Basic ${Buffer.from(`${E2E_TWILIO_ACCOUNT_SID}:${E2E_TWILIO_AUTH_TOKEN}`).toString("base64")}`);
  expect(request.contentType).toMatch(/^application\/x-www-form-urlencoded/);
  const fields = Object.fromEntries(new URLSearchParams(request.body));
  expect(fields).toEqual({ To: to, From: TOWN_NUMBER, Body: expect.any(String) });
  return fields.Body!;
}

/** An ICU sentence with its {placeholders} as a pattern (the values are checked apart). */
function sentencePattern(sentence: string): RegExp {
  return new RegExp(`^${sentence.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[a-z]+\}/g, "([\\s\\S]+)")}$`);
}

async function signedIn(browser: Browser, baseURL: string, displayName: string, locale: "de" | "fa" = "de"): Promise<Page> {
  const context = await browser.newContext({ ...phone, baseURL });
  const page = await context.newPage();
  const text = locale === "de" ? de : fa;
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(text.signIn.code, { exact: true }).fill(demoAccount(displayName).signInCode);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}(#[\\w-]*)?$`));
  return page;
}

test("a voice need in Farsi is written down and translated; a need by SMS is answered by SMS in Farsi", async ({ page, browser, baseURL }) => {
  // Four people and a conversation by SMS, some thirty requests on a shared machine.
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("baseURL is not set");
  const dialoguePath = `/fa/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`;
  const staff = await signedIn(browser, baseURL, "Sabine Krüger");

  // Staff connect the town's Twilio number from their dashboard; the secret is never shown again.
  let webhookUrl = "";
  await test.step("staff connect the SMS number", async () => {
    await staff.goto(`/de/${MUNICIPALITY}/dashboard`);
    await staff.getByRole("link", { name: de.staffDashboard.messengerLink }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(de.messengerSettings.title);
    const twilio = staff.locator("section[aria-labelledby=twilio-heading]");
    await twilio.getByLabel(de.messengerSettings.number, { exact: true }).fill("+49 30 901820");
    await twilio.getByLabel(de.messengerSettings.twilioAccount, { exact: true }).fill(E2E_TWILIO_ACCOUNT_SID);
    await twilio.getByLabel(de.messengerSettings.twilioSecret, { exact: true }).fill(E2E_TWILIO_AUTH_TOKEN);
    await twilio.getByLabel(de.messengerSettings.enabled, { exact: true }).check();
    await twilio.getByRole("button", { name: de.messengerSettings.submit }).click();
    await expect(staff.getByText(de.messengerSettings.saved, { exact: true })).toBeVisible();
    const saved = staff.locator("section[aria-labelledby=twilio-heading]");
    await expect(saved.getByText(de.messengerSettings.stateOn, { exact: true })).toBeVisible();
    await expect(saved.getByLabel(de.messengerSettings.twilioSecret, { exact: true })).toHaveValue("");
    expect(await staff.content()).not.toContain(E2E_TWILIO_AUTH_TOKEN);
    webhookUrl = (await saved.locator("code").textContent())!.trim();
    expect(webhookUrl).toMatch(new RegExp(`^${baseURL}/api/channels/twilio/[0-9a-f-]{36}$`));
    await expectNoSidewaysScrolling(staff);
  });

  // She joins with the poster's code, in Farsi, and says her need instead of typing it.
  const title = `دکتر برای بچه‌ها ${randomBytes(2).toString("hex")}`;
  let voicePath = "";
  await test.step("a voice need in Farsi", async () => {
    await page.goto(`/fa/join/${invitation.code}`);
    await page.getByLabel(fa.join.displayName, { exact: true }).fill(`فاطمه ${randomBytes(3).toString("hex")}`);
    await page.getByRole("radio", { name: fa.join.perspectives.LIVED_EXPERIENCE }).check();
    await page.getByLabel(fa.join.acceptCodeOfConduct).check();
    await page.getByRole("button", { name: fa.join.signUpSubmit }).click();
    await page.goto(`${dialoguePath}/new`);
    await page.getByRole("link", { name: fa.voice.sayInstead }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fa.voice.pageTitle);
    await expectNoSidewaysScrolling(page);
    await expect(page.getByLabel(fa.voice.language)).toHaveValue("fa");
    await page.getByRole("radio", { name: fa.post.need }).check();
    await page.getByRole("radio", { name: fa.themes.housing }).check();
    await page.getByLabel(fa.voice.title, { exact: true }).fill(title);
    const file = page.getByLabel(fa.voice.file, { exact: true });
    await expect(file).toHaveAttribute("accept", "audio/*");
    await expect(file).toHaveAttribute("capture", "user");
    await file.setInputFiles({ name: "recording.ogg", mimeType: "audio/ogg", buffer: recording });
    await page.getByRole("button", { name: fa.voice.submit }).click();
    await expect(page).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]{36}$`));
    voicePath = new URL(page.url()).pathname;
    await expect(page.getByTestId("voice-note")).toContainText(fa.voice.pending);
  });

  // Hannelore (host team) listens, writes it down in Farsi, translates it, and it was read back.
  const transcript = "برای بچه‌هایم در خانهٔ ۳ دکتر اطفال پیدا نمی‌کنم.";
  await test.step("a volunteer transcribes and translates it", async () => {
    const volunteer = await signedIn(browser, baseURL, "Hannelore Schmitt");
    const germanPath = voicePath.replace(/^\/fa\//, "/de/");
    await volunteer.goto(germanPath);
    await volunteer.getByTestId("voice-note").getByRole("link", { name: de.voice.transcribeLink }).click();
    await expect(volunteer).toHaveURL(`${germanPath}/transcript`);
    await expectNoSidewaysScrolling(volunteer);
    await volunteer.getByLabel(de.voiceTranscript.transcript).fill(transcript);
    await volunteer.getByLabel(de.voiceTranscript.readBack).check();
    await volunteer.getByLabel(de.voiceTranscript.translationLanguage).selectOption("de");
    await volunteer.getByLabel(de.voiceTranscript.translationTitle, { exact: true }).fill("Kinderarzt für meine Kinder");
    await volunteer.getByLabel(de.voiceTranscript.translationBody, { exact: true }).fill("Für meine Kinder in Haus 3 finde ich keinen Kinderarzt.");
    await volunteer.getByRole("button", { name: de.voiceTranscript.submit }).click();
    await expect(volunteer).toHaveURL(germanPath);
    await expect(volunteer.getByRole("heading", { level: 1 })).toHaveText("Kinderarzt für meine Kinder");
    const trace = volunteer.getByTestId("voice-note");
    await expect(trace).toContainText(de.voice.trace.said);
    await expect(trace).toContainText(de.voice.trace.transcribedBy.replace("{name}", "Hannelore Schmitt"));
    await expect(trace).toContainText(de.voice.trace.readBack);
    await volunteer.context().close();
  });

  await test.step("it appears with its trace, in her language", async () => {
    await page.goto(voicePath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("contribution-body")).toContainText(transcript);
    await expect(page.getByTestId("contribution-body")).toHaveAttribute("lang", "fa");
    await expect(page.getByTestId("voice-note")).toContainText(fa.voice.trace.transcribedBy.replace("{name}", "Hannelore Schmitt"));
    await expect(page.getByTestId("voice-note")).toContainText(fa.voice.trace.readBack);
    await expectNoSidewaysScrolling(page);
  });

  // He writes to the town's number; each incoming SMS is signed as Twilio signs it.
  const sender = `+4915204${String(Date.now() % 1_000_000).padStart(6, "0")}`;
  let sequence = 0;
  async function sms(text: string): Promise<string> {
    const before = (await sentTo(staff, sender)).length;
    sequence += 1;
    const response = await staff.request.post(webhookUrl, twilioInbound(webhookUrl, TOWN_NUMBER, sender, text, Date.now() * 100 + sequence));
    expect(response.status()).toBe(200);
    await expect.poll(async () => (await sentTo(staff, sender)).length, { timeout: 20_000 }).toBe(before + 1);
    return expectTwilioMessage((await sentTo(staff, sender))[before]!, sender);
  }
  const need = `در خانهٔ ۳ هیچ اینترنتی نیست ${randomBytes(2).toString("hex")}`;
  let receiptCode = "";
  await test.step("a need by SMS, in Farsi", async () => {
    const menu = await sms("سلام");
    expect(menu.split("\n")[0]).toBe(de.messenger.chooseLanguage);
    const farsi = `${locales.indexOf("fa") + 1}`;
    expect(menu.split("\n")).toContain(`${farsi} فارسی`);
    // He answers with Persian digits.
    expect(await sms(String.fromCharCode(0x06f0 + Number(farsi)))).toBe(fa.messenger.whichDialogue);
    const kinds = await sms(DIALOGUES.collecting.slug);
    expect(kinds).toBe(`${DIALOGUES.collecting.title}\n${fa.messenger.chooseKind}\n1 ${fa.kinds.NEED}\n2 ${fa.kinds.PROPOSAL}`);
    const themes = await sms("۱");
    expect(themes.split("\n")[0]).toBe(fa.messenger.chooseTheme);
    const digital = themes.split("\n").find((line) => line.endsWith(` ${fa.themes.digital}`))!.split(" ")[0]!;
    expect(await sms(digital)).toBe(fa.messenger.askContent.replace("{kind}", fa.kinds.NEED));
    const perspectives = await sms(need);
    expect(perspectives.split("\n")[0]).toBe(fa.messenger.choosePerspective);
    const readBack = await sms("3");
    expect(readBack).toBe(
      fa.messenger.readBack
        .replace("{kind}", fa.kinds.NEED)
        .replace("{theme}", fa.themes.digital)
        .replace("{words}", `"${need}"`)
        .replace("{perspective}", fa.perspectives.NOT_STATED),
    );
    const published = await sms("1");
    const hint = `\n${fa.messenger.answersHint.replace("{now}", "فوری")}`;
    expect(published.endsWith(hint)).toBe(true);
    const [, code, link] = published.slice(0, -hint.length).match(sentencePattern(fa.messenger.published))!;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]+$/);
    expect(link).toBe(`${baseURL}/fa/r/${code}`);
    receiptCode = code!;
    // He wants each answer at once rather than once a day (decision 052).
    expect(await sms("فوری")).toBe(fa.messenger.answersNowSet.replace("{daily}", "روزانه"));
  });

  // Staff find it among the needs without an answer and answer it on its page.
  const answer = `Das Amt richtet bis März WLAN in Haus 3 ein ${randomBytes(2).toString("hex")}.`;
  let smsNeedPath = "";
  await test.step("staff answer it", async () => {
    await staff.goto(`/de/${MUNICIPALITY}/${DIALOGUES.collecting.slug}/manage/queue`);
    const queued = staff.getByTestId("answer-queue").getByRole("listitem").filter({ hasText: need });
    await queued.getByRole("link", { name: need }).click();
    smsNeedPath = new URL(staff.url()).pathname;
    const form = staff.locator("section[aria-labelledby=respond-heading]");
    await form.getByRole("radio", { name: de.statuses.PLANNED }).check();
    await form.getByLabel(de.responses.body, { exact: true }).fill(answer);
    await form.getByRole("button", { name: de.responses.submit }).click();
    await staff.goto(smsNeedPath);
    await expect(staff.getByTestId("response-timeline").getByText(answer)).toBeVisible();
    expect(receiptCode).not.toBe("");
  });

  // The answer goes back to him by SMS at once, in Farsi: what happened, the answer's words (the
  // original German, labelled, as nobody translated it yet), and his receipt to read it all.
  await test.step("the answer goes back by SMS, in his language", async () => {
    await expect.poll(async () => (await sentTo(staff, sender)).length, { timeout: 30_000 }).toBe(10);
    const message = expectTwilioMessage((await sentTo(staff, sender))[9]!, sender);
    const t = createTranslator({ locale: "fa", messages: fa });
    const expected = [
      fa.messenger.newsIntro,
      [
        `• ${t("notifications.sentences.responsePosted", { kind: "NEED", title: need, status: fa.statuses.PLANNED })}`,
        answer,
        `(${t("messenger.original", { language: languageName("de", "fa") })})`,
      ].join("\n"),
      t("messenger.readAll", { code: receiptCode, link: `${baseURL}/fa/r/${receiptCode}` }),
      t("messenger.newsFooterNow", { daily: "روزانه" }),
    ].join("\n\n");
    expect(message).toBe(expected);
  });

  // The moderator blocks his number from the need's page, never seeing it.
  await test.step("the moderator blocks the sender", async () => {
    const moderator = await signedIn(browser, baseURL, "Miriam Hoffmann");
    await moderator.goto(smsNeedPath);
    expect(await moderator.content()).not.toContain(sender.slice(3));
    await moderator.locator("summary", { hasText: de.blockSender.open }).click();
    await moderator.getByRole("button", { name: de.blockSender.submit }).click();
    // Not without ticking that she means it.
    await expect(moderator.getByText(de.validation.required).first()).toBeVisible();
    await moderator.getByLabel(de.blockSender.confirm).check();
    await moderator.getByRole("button", { name: de.blockSender.submit }).click();
    await expect(moderator.getByTestId("sender-blocked")).toHaveText(de.blockSender.blocked);
    await expectNoSidewaysScrolling(moderator);
    // His next message is dropped unanswered: once the queue is empty, nothing more went to him.
    const before = (await sentTo(staff, sender)).length;
    const response = await staff.request.post(webhookUrl, twilioInbound(webhookUrl, TOWN_NUMBER, sender, "سلام", Date.now() * 100 + 99));
    expect(response.status()).toBe(200);
    await expect.poll(async () => ((await (await staff.request.get(`${mailbox}/jobs`)).json()) as { pending: number }).pending, { timeout: 20_000 }).toBe(0);
    expect(await sentTo(staff, sender)).toHaveLength(before);
  });
});
