// The town's news sent back by SMS / WhatsApp / Signal (issue 18, decision 052): answers, status
// changes and comments on what a person sent by messenger reach them on the same channel, in
// their language (the translation when one exists, the original labelled otherwise), with the
// receipt's code and address; once a day in one message, or each at once when they asked for it
// with a keyword; every event exactly once, also with retries and two workers; nothing after STOP.
// Outgoing messages go to local servers speaking Twilio's Messages resource and
// signal-cli-rest-api's /v2/send; the test asserts the exact requests.
import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { POST as twilioWebhook } from "@/app/api/channels/twilio/[channelId]/route";
import { addressHash, encrypt } from "@/lib/channels/crypto";
import { receiveSignalMessages } from "@/lib/channels/inbound";
import { answerWord, sendChannelBundles, sendChannelNews } from "@/lib/channels/news";
import { twilioWebhookUrl } from "@/lib/channels/twilio";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import { formatReceiptCode } from "@/lib/receipts/receipt-code";
import { postResponse } from "@/lib/responses/post-response";
import { addMember, createDialogue, createUser, openDialogue } from "@/tests/support/factories";
import { runDueJobs } from "@/tests/support/jobs";
import { startSignalServer, startTwilioServer, twilioSignature } from "@/tests/support/messenger-providers";
import { viewerOf } from "@/tests/support/viewers";

const ACCOUNT_SID = `AC${randomBytes(16).toString("hex")}`;
const AUTH_TOKEN = randomBytes(16).toString("hex");
const TOWN_NUMBER = "+4930901830";
const SIGNAL_NUMBER = "+4930901831";

process.env.CHANNEL_ENCRYPTION_KEY = randomBytes(32).toString("base64");
const twilio = await startTwilioServer(ACCOUNT_SID, AUTH_TOKEN);
const signal = await startSignalServer(SIGNAL_NUMBER);
process.env.TWILIO_API_URL = twilio.origin;

const QUEUES_OF_CHANNEL = [QUEUES.channelInbound, QUEUES.channelNews, QUEUES.channelSend];

afterAll(async () => {
  await twilio.close();
  await signal.close();
});

beforeEach(() => {
  twilio.requests.length = 0;
  signal.requests.length = 0;
});

let sequence = 0;
function senderNumber(): string {
  sequence += 1;
  return `+49152${String(5_000_000 + sequence * 7919 + Math.floor(Math.random() * 1000) * 13).padStart(8, "0")}`;
}

async function town(provider: "TWILIO" | "SIGNAL") {
  const dialogue = await createDialogue({ slug: `wlan${randomBytes(3).toString("hex")}` });
  await openDialogue(dialogue.id);
  const channel = await db.messengerChannel.create({
    data:
      provider === "TWILIO"
        ? { municipalityId: dialogue.municipalityId, provider, enabled: true, number: TOWN_NUMBER, accountRef: ACCOUNT_SID, secretEncrypted: encrypt(AUTH_TOKEN) }
        : { municipalityId: dialogue.municipalityId, provider, enabled: true, number: SIGNAL_NUMBER, accountRef: signal.origin },
  });
  const commenter = await createUser({ displayName: "Daniel" });
  await addMember(dialogue.id, commenter.id, "PARTICIPANT");
  return { dialogue, channel, host: await viewerOf(dialogue.createdById), commenter: await viewerOf(commenter.id) };
}

/** One SMS as Twilio POSTs it, signed; the workers do what it causes. Returns the bodies sent back. */
async function sms(channelId: string, from: string, body: string): Promise<string[]> {
  const params: Record<string, string> = {
    SmsMessageSid: `SM${randomBytes(16).toString("hex")}`,
    NumMedia: "0",
    Body: body,
    To: TOWN_NUMBER,
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
    AccountSid: ACCOUNT_SID,
    From: from,
    ApiVersion: "2010-04-01",
  };
  const url = twilioWebhookUrl(channelId);
  const before = twilio.messages().length;
  const response = await twilioWebhook(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(AUTH_TOKEN, url, params) },
      body: new URLSearchParams(params).toString(),
    }),
    { params: Promise.resolve({ channelId }) },
  );
  expect(response.status).toBe(200);
  await runDueJobs(QUEUES_OF_CHANNEL);
  return twilio.messages().slice(before).map((message) => message.Body!);
}

/** One Signal message, polled as the every-minute job polls; returns the messages sent back. */
async function signalMessage(from: string, text: string): Promise<string[]> {
  const before = signal.sent().length;
  signal.deliver(from, text);
  await receiveSignalMessages();
  await runDueJobs(QUEUES_OF_CHANNEL);
  return signal.sent().slice(before).map((message) => message.message);
}

/** The conversation up to the receipt: language by its number in the menu, the dialogue, a need, a text, no perspective, confirmed. */
async function publish(tell: (text: string) => Promise<string[]>, slug: string, language: string, words: string) {
  const [menu] = await tell("hello");
  const line = menu!.split("\n").find((candidate) => candidate.endsWith(` ${language}`))!;
  await tell(line.split(" ")[0]!);
  await tell(slug);
  const [themes] = await tell("1");
  await tell(themes!.split("\n")[1]!.split(" ")[0]!);
  await tell(words);
  await tell("3");
  const [published] = await tell("1");
  return published!;
}

async function contactOf(channelId: string, address: string) {
  return db.channelContact.findUniqueOrThrow({ where: { channelId_addressHash: { channelId, addressHash: addressHash(address) } } });
}

async function publishedContribution(dialogueId: string) {
  return db.contribution.findFirstOrThrow({ where: { dialogueId }, include: { receipt: true } });
}

describe("the daily bundle by SMS, in Arabic", () => {
  it("tells the answer (in its Arabic translation) and a German comment (labelled as the original) in one message a day, with the receipt", async () => {
    const { dialogue, channel, host, commenter } = await town("TWILIO");
    const from = senderNumber();
    const tell = (text: string) => sms(channel.id, from, text);
    const published = await publish(tell, dialogue.slug, "العربية", "لا يوجد إنترنت في السكن منذ أسابيع.");
    // How to ask for each answer at once is said with the receipt, in the person's language.
    expect(published.split("\n").at(-1)).toBe("تصلك الردود مجمّعة مرة واحدة في اليوم. أرسل فورا لتصلك كل رد فورًا.");
    const contribution = await publishedContribution(dialogue.id);
    const code = formatReceiptCode(contribution.receipt!.code);
    twilio.requests.length = 0;

    const response = await postResponse(host, { contributionId: contribution.id, status: "PLANNED", body: "Das WLAN wird im März repariert.", language: "de" });
    await db.translation.create({ data: { responseId: response.id, language: "ar", body: "سيتم إصلاح الإنترنت في مارس.", method: "VOLUNTEER", translatorId: host.id } });
    await createComment(commenter, { contributionId: contribution.id, body: "Bei uns im Haus 2 auch.", language: "de" });
    // Nothing goes out at the moment of the events: the person gets one message a day.
    await runDueJobs(QUEUES_OF_CHANNEL);
    expect(twilio.messages()).toEqual([]);

    const run = await sendChannelBundles();
    expect(run.messages).toBeGreaterThanOrEqual(1);
    await runDueJobs(QUEUES_OF_CHANNEL);
    const link = `${process.env.PUBLIC_URL ?? "http://localhost:3000"}/ar/r/${code}`;
    expect(twilio.requests).toHaveLength(1);
    expect(twilio.requests[0]).toMatchObject({
      method: "POST",
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`,
      contentType: "application/x-www-form-urlencoded",
    });
    const [message] = twilio.messages();
    expect(message).toEqual({ To: from, From: TOWN_NUMBER, Body: expect.any(String) });
    expect(message!.Body).toBe(
      [
        "جديد بخصوص ما أرسلته إلينا:",
        `• ردّت البلدية على حاجتك «${contribution.title}»: مُخطَّط له\nسيتم إصلاح الإنترنت في مارس.\n• تعليق جديد على «${contribution.title}»\n– Bei uns im Haus 2 auch.\n(النص الأصلي باللغة الألمانية)`,
        `اقرأ كل شيء بإيصالك ${code}:\n${link}`,
        "أرسل فورا لتصلك كل رد فورًا. توقف يوقف كل الرسائل.",
      ].join("\n\n"),
    );

    // The same day: another comment waits for tomorrow's bundle; running the bundle again sends nothing.
    await createComment(commenter, { contributionId: contribution.id, body: "Und im Haus 4.", language: "de" });
    expect(await sendChannelBundles()).toMatchObject({ messages: 0 });
    await runDueJobs(QUEUES_OF_CHANNEL);
    expect(twilio.messages()).toHaveLength(1);
    // Tomorrow: only what is new, once.
    const tomorrow = new Date(Date.now() + 21 * 60 * 60 * 1000);
    expect(await sendChannelBundles(tomorrow)).toMatchObject({ messages: 1, events: 1 });
    expect(await sendChannelBundles(tomorrow)).toMatchObject({ messages: 0 });
    await runDueJobs(QUEUES_OF_CHANNEL);
    expect(twilio.messages()).toHaveLength(2);
    expect(twilio.messages()[1]!.Body).toContain("– Und im Haus 4.\n(النص الأصلي باللغة الألمانية)");
    expect(twilio.messages()[1]!.Body).not.toContain("Haus 2");
  });

  it("tells each event once when bundles and news jobs run at the same time on several workers", async () => {
    const { dialogue, channel, host, commenter } = await town("TWILIO");
    const from = senderNumber();
    await publish((text) => sms(channel.id, from, text), dialogue.slug, "Deutsch", "Im Haus 3 gibt es kein WLAN.");
    const contribution = await publishedContribution(dialogue.id);
    const contact = await contactOf(channel.id, `sms:${from}`);
    const conversation = twilio.messages().length;
    await postResponse(host, { contributionId: contribution.id, status: "UNDER_REVIEW", body: "Wir prüfen das.", language: "de" });
    await createComment(commenter, { contributionId: contribution.id, body: "Stimmt.", language: "de" });

    const runs = await Promise.all([sendChannelBundles(), sendChannelBundles(), sendChannelNews({ contactId: contact.id }), sendChannelNews({ contactId: contact.id })]);
    // Other tests' contacts may be in the same bundle run; this person's two events are told once.
    const jobs = await db.$queryRaw<{ text: string }[]>`
      SELECT data->>'text' AS "text" FROM pgboss.job WHERE name = ${QUEUES.channelSend} AND data->>'contactId' = ${contact.id} AND data->>'text' LIKE 'Neues zu dem%'`;
    expect(jobs).toHaveLength(1);
    expect(runs.reduce((sum, run) => sum + run.messages, 0)).toBeGreaterThanOrEqual(1);
    expect(jobs[0]!.text).toContain("Wir prüfen das.");
    expect(jobs[0]!.text).toContain("– Stimmt.");
    // A retry of any of them finds nothing left to tell.
    expect(await sendChannelNews({ contactId: contact.id })).toEqual({ messages: 0, events: 0 });
    await runDueJobs(QUEUES_OF_CHANNEL);
    expect(twilio.messages().slice(conversation).filter((message) => message.To === from)).toHaveLength(1);
  });
});

describe("each answer at once, asked for by keyword, by Signal in Ukrainian", () => {
  it("switches on with ОДРАЗУ, sends a burst as one message through /v2/send with a machine translation labelled, and back to daily with ЩОДНЯ", async () => {
    const { dialogue, host, commenter } = await town("SIGNAL");
    const from = senderNumber();
    await publish(signalMessage.bind(null, from), dialogue.slug, "Українська", "У гуртожитку немає інтернету.");
    const contribution = await publishedContribution(dialogue.id);
    const code = formatReceiptCode(contribution.receipt!.code);

    signal.requests.length = 0;
    expect(await signalMessage(from, "одразу!")).toEqual(["Готово: ви отримуватимете кожну відповідь одразу. Надішліть ЩОДНЯ для одного повідомлення на день."]);
    const response = await postResponse(host, { contributionId: contribution.id, status: "DONE", body: "Der Router ist ersetzt.", language: "de" });
    await db.translation.create({ data: { responseId: response.id, language: "uk", body: "Роутер замінено.", method: "MACHINE" } });
    await createComment(commenter, { contributionId: contribution.id, body: "Danke!", language: "de" });
    await runDueJobs(QUEUES_OF_CHANNEL);
    // The answer and the comment a moment later are one message (the news job is debounced per person).
    const sent = signal.requests.filter((request) => request.method === "POST").slice(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ path: "/v2/send", contentType: "application/json", authorization: undefined });
    const link = `${process.env.PUBLIC_URL ?? "http://localhost:3000"}/uk/r/${code}`;
    expect(JSON.parse(sent[0]!.body)).toEqual({
      number: SIGNAL_NUMBER,
      recipients: [from],
      message: [
        "Новини щодо того, що ви нам надіслали:",
        `• Громада відповіла на вашу потребу «${contribution.title}»: Виконано\nРоутер замінено.\n(машинний переклад)\n• 1 новий коментар до «${contribution.title}»\n– Danke!\n(Оригінал мовою: Німецька)`,
        `Прочитайте все з вашою квитанцією ${code}:\n${link}`,
        "Надішліть ЩОДНЯ для одного повідомлення на день. СТОП вимикає всі повідомлення.",
      ].join("\n\n"),
    });
    // The later slot of the debounced job finds nothing left; the daily bundle neither.
    const contact = await db.channelContact.findFirstOrThrow({ where: { channel: { municipalityId: dialogue.municipalityId } } });
    expect(await sendChannelNews({ contactId: contact.id })).toEqual({ messages: 0, events: 0 });

    expect(await signalMessage(from, "ЩОДНЯ")).toEqual(["Готово: ви отримуватимете відповіді разом раз на день. Надішліть ОДРАЗУ, щоб отримувати кожну одразу."]);
    await createComment(commenter, { contributionId: contribution.id, body: "Gern.", language: "de" });
    await runDueJobs(QUEUES_OF_CHANNEL);
    expect(signal.requests.filter((request) => request.method === "POST")).toHaveLength(3);
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE name = ${QUEUES.channelNews} AND data->>'contactId' = ${contact.id} AND state = 'created' AND start_after <= now()`).toEqual([]);
  });

  it.each([
    ...["SOFORT", "now", "فوراً", "فوری", "ОДРАЗУ", "hemen", "niha", "ሕጂ", "hadda", "direct", "СРАЗУ", "سمدستي"].map((word) => [word, "now"] as const),
    ...["täglich", "DAILY", "يوميا", "روزانه", "щодня", "GÜNLÜK", "rojane", "መዓልታዊ", "maalinle", "quotidien", "ежедневно", "ورځنی"].map((word) => [word, "daily"] as const),
  ])("knows the keyword %s (%s) in its language", (word, answer) => {
    expect(answerWord(word)).toBe(answer);
  });

  it("knows a keyword only between contributions, not inside one", () => {
    expect(answerWord("Sofort Hilfe nötig")).toBeNull();
  });
});

describe("the per-number limit", () => {
  it("tells a number whose daily limit is used up nothing, and keeps its news for the next bundle", async () => {
    const { consume, reset } = await import("@/lib/rate-limit");
    const { dialogue, channel, host } = await town("TWILIO");
    const from = senderNumber();
    await publish((text) => sms(channel.id, from, text), dialogue.slug, "English", "The laundry room is locked.");
    const contribution = await publishedContribution(dialogue.id);
    const contact = await contactOf(channel.id, `sms:${from}`);
    await postResponse(host, { contributionId: contribution.id, status: "PLANNED", body: "Wir öffnen ihn wieder.", language: "de" });
    // The conversation used some of today's 60 messages; the rest are used up.
    for (;;) {
      try {
        await consume("channelSendPerContact", contact.id);
      } catch {
        break;
      }
    }
    expect(await sendChannelNews({ contactId: contact.id })).toEqual({ messages: 0, events: 0 });
    expect(await db.notification.findFirstOrThrow({ where: { userId: contact.userId } })).toMatchObject({ count: 1, channelCount: 0 });
    // Tomorrow the limit is free again: the answer goes out then, once.
    await reset("channelSendPerContact", contact.id);
    const before = twilio.messages().length;
    expect(await sendChannelNews({ contactId: contact.id })).toEqual({ messages: 1, events: 1 });
    await runDueJobs(QUEUES_OF_CHANNEL);
    expect(twilio.messages().slice(before).map((message) => message.Body)).toEqual([expect.stringContaining("Wir öffnen ihn wieder.\n(Original in German)")]);
  });
});

describe("STOP", () => {
  it("ends the news: what was waiting for the bundle is deleted with the number and never sent", async () => {
    const { dialogue, channel, host } = await town("TWILIO");
    const from = senderNumber();
    await publish((text) => sms(channel.id, from, text), dialogue.slug, "English", "No internet in house 3.");
    const contribution = await publishedContribution(dialogue.id);
    const contact = await contactOf(channel.id, `sms:${from}`);
    await postResponse(host, { contributionId: contribution.id, status: "PLANNED", body: "Wird repariert.", language: "de" });
    expect(await db.notification.count({ where: { userId: contact.userId } })).toBe(1);

    expect(await sms(channel.id, from, "STOP")).toEqual(["You will get no more messages from us. Your number has been deleted."]);
    expect(await db.notification.count({ where: { userId: contact.userId } })).toBe(0);
    const before = twilio.messages().length;
    await sendChannelBundles();
    await sendChannelNews({ contactId: contact.id });
    await runDueJobs(QUEUES_OF_CHANNEL);
    expect(twilio.messages().slice(before)).toEqual([]);
  });
});

describe("numbers nothing can come back to", () => {
  it("are forgotten a month after the last message once every dialogue they follow is closed, or when they never published", async () => {
    const { forgetFinishedContacts, FINISHED_CONTACT_DAYS } = await import("@/lib/channels/contacts");
    const { dialogue, channel, host } = await town("TWILIO");
    const [published, chatted, recent] = [senderNumber(), senderNumber(), senderNumber()];
    await publish((text) => sms(channel.id, published, text), dialogue.slug, "English", "The bus stop has no bench.");
    for (const from of [chatted, recent]) await sms(channel.id, from, "hello");
    const contacts = await Promise.all([published, chatted, recent].map((from) => contactOf(channel.id, `sms:${from}`)));
    const monthAgo = new Date(Date.now() - (FINISHED_CONTACT_DAYS + 1) * 24 * 60 * 60 * 1000);
    await db.channelContact.updateMany({ where: { id: { in: [contacts[0]!.id, contacts[1]!.id] } }, data: { lastInboundAt: monthAgo, state: Prisma.DbNull, stateExpiresAt: null } });
    await db.channelContact.update({ where: { id: contacts[2]!.id }, data: { state: Prisma.DbNull, stateExpiresAt: null } });

    // The town may still answer what was published: kept. Only chatted, a month ago: forgotten.
    await forgetFinishedContacts();
    expect(await db.channelContact.findUnique({ where: { id: contacts[0]!.id } })).not.toBeNull();
    expect(await db.channelContact.findUnique({ where: { id: contacts[1]!.id } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: contacts[1]!.userId } })).toBeNull();
    expect(await db.channelContact.findUnique({ where: { id: contacts[2]!.id } })).not.toBeNull();

    // Answered, and the dialogue closed: nothing more can come back. The answer still waiting for
    // the bundle keeps the number until it went out; then the number goes, what was published stays.
    const contribution = await publishedContribution(dialogue.id);
    await postResponse(host, { contributionId: contribution.id, status: "DONE", body: "Die Bank steht.", language: "de" });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });
    await forgetFinishedContacts();
    expect(await db.channelContact.findUnique({ where: { id: contacts[0]!.id } })).not.toBeNull();
    await sendChannelBundles();
    await runDueJobs(QUEUES_OF_CHANNEL);
    expect(twilio.messages().at(-1)).toMatchObject({ To: published, Body: expect.stringContaining("Die Bank steht.") });
    await forgetFinishedContacts();
    expect(await db.channelContact.findUnique({ where: { id: contacts[0]!.id } })).toBeNull();
    expect(await db.follow.count({ where: { userId: contacts[0]!.userId } })).toBe(0);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id, source: "MESSENGER" } })).toBe(1);
    expect(await db.channelContact.findUnique({ where: { id: contacts[2]!.id } })).not.toBeNull();
  });
});
