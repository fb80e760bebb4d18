// The SMS / WhatsApp / Signal channel (issue 18, decision 045): a person writes to the
// municipality's number and, in a short conversation in their language, sends a need or proposal
// (typed or as a voice note) that is published only after the read-back is confirmed, with a
// receipt sent back and a follow. Webhooks are signed as Twilio signs them; outgoing messages go
// to local servers that speak Twilio's Messages resource and signal-cli-rest-api, and the test
// asserts the exact requests. Numbers are never stored in plain text; STOP deletes them.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { POST as twilioWebhook } from "@/app/api/channels/twilio/[channelId]/route";
import { acceptInbound, receiveSignalMessages } from "@/lib/channels/inbound";
import { loadChannel } from "@/lib/channels/channel";
import { addressHash, decrypt, encrypt } from "@/lib/channels/crypto";
import { sendToContact } from "@/lib/channels/send";
import { twilioWebhookUrl } from "@/lib/channels/twilio";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import { formatReceiptCode } from "@/lib/receipts/receipt-code";
import { createDialogue, openDialogue, uniqueInvitationCode } from "@/tests/support/factories";
import { runDueJobs } from "@/tests/support/jobs";
import { startSignalServer, startTwilioServer, twilioSignature } from "@/tests/support/messenger-providers";

const ACCOUNT_SID = `AC${randomBytes(16).toString("hex")}`;
const AUTH_TOKEN = randomBytes(16).toString("hex");
const TOWN_NUMBER = "+4930901820";
const SIGNAL_NUMBER = "+4930901821";

process.env.CHANNEL_ENCRYPTION_KEY = randomBytes(32).toString("base64");
const twilio = await startTwilioServer(ACCOUNT_SID, AUTH_TOKEN);
const signal = await startSignalServer(SIGNAL_NUMBER);
process.env.TWILIO_API_URL = twilio.origin;

const VOICE = new Uint8Array(readFileSync(path.join(import.meta.dirname, "../voice/fixtures/voice.ogg")));
const basic = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`;
const CHANNEL_QUEUES = [QUEUES.channelInbound, QUEUES.channelSend, QUEUES.channelMediaDelete];

afterAll(async () => {
  await twilio.close();
  await signal.close();
});

beforeEach(() => {
  twilio.requests.length = 0;
  signal.requests.length = 0;
});

let sequence = 0;
/** A fresh sender number each time (E.164, German mobile). */
function senderNumber(): string {
  sequence += 1;
  return `+49151${String(4_000_000 + sequence * 7919).padStart(8, "0")}`;
}

async function town(provider: "TWILIO" | "SIGNAL" = "TWILIO", enabled = true) {
  const dialogue = await createDialogue({ slug: `wohnen${randomBytes(3).toString("hex")}` });
  await openDialogue(dialogue.id);
  const channel = await db.messengerChannel.create({
    data:
      provider === "TWILIO"
        ? { municipalityId: dialogue.municipalityId, provider, enabled, number: TOWN_NUMBER, accountRef: ACCOUNT_SID, secretEncrypted: encrypt(AUTH_TOKEN) }
        : { municipalityId: dialogue.municipalityId, provider, enabled, number: SIGNAL_NUMBER, accountRef: signal.origin },
  });
  return { dialogue, channel };
}

type Options = { kind?: "SMS" | "WHATSAPP"; media?: { url: string; type: string }; signature?: string; signedUrl?: string; channelId?: string };

/** One message as Twilio POSTs it to the webhook, signed with the account's auth token. */
async function twilioPost(channelId: string, from: string, body: string, options: Options = {}) {
  const whatsapp = options.kind === "WHATSAPP";
  const params: Record<string, string> = {
    ToCountry: "DE",
    SmsMessageSid: `SM${randomBytes(16).toString("hex")}`,
    NumMedia: options.media ? "1" : "0",
    SmsSid: `SM${randomBytes(16).toString("hex")}`,
    SmsStatus: "received",
    Body: body,
    To: whatsapp ? `whatsapp:${TOWN_NUMBER}` : TOWN_NUMBER,
    NumSegments: "1",
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
    AccountSid: ACCOUNT_SID,
    From: whatsapp ? `whatsapp:${from}` : from,
    ApiVersion: "2010-04-01",
    ...(options.media ? { MediaUrl0: options.media.url, MediaContentType0: options.media.type } : {}),
  };
  const url = twilioWebhookUrl(channelId);
  const signature = options.signature ?? twilioSignature(AUTH_TOKEN, options.signedUrl ?? url, params);
  const response = await twilioWebhook(
    new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature }, body: new URLSearchParams(params).toString() }),
    { params: Promise.resolve({ channelId: options.channelId ?? channelId }) },
  );
  return response;
}

/** Sends `text` from `from`, lets the workers do their jobs, and returns the replies Twilio was asked to send. */
async function say(channelId: string, from: string, text: string, options: Options = {}) {
  const before = twilio.messages().length;
  const response = await twilioPost(channelId, from, text, options);
  expect(response.status).toBe(200);
  await runDueJobs(CHANNEL_QUEUES);
  return twilio.messages().slice(before).map((message) => message.Body!);
}

/** The line of a numbered menu that names `name`'s number. */
function numberOf(menu: string, name: string): string {
  const line = menu.split("\n").find((candidate) => candidate.endsWith(` ${name}`));
  if (!line) throw new Error(`${name} not in ${menu}`);
  return line.split(" ")[0]!;
}

async function contactOf(channelId: string, kind: "sms" | "whatsapp" | "signal", number: string) {
  return db.channelContact.findUnique({ where: { channelId_addressHash: { channelId, addressHash: addressHash(`${kind}:${number}`) } } });
}

describe("a need by SMS, in German, from the first message to the receipt", () => {
  it("asks the language, the dialogue, kind, theme, text and group, reads it back and publishes only on confirmation", async () => {
    const { dialogue, channel } = await town();
    const from = senderNumber();

    const [menu] = await say(channel.id, from, "Hallo");
    expect(menu).toContain("1 Deutsch");
    expect(menu).toContain("3 العربية");
    expect(menu!.split("\n")).toHaveLength(15);
    // The exact request to Twilio's Messages resource: the account's path, basic auth, a form.
    const [sent] = twilio.requests.filter((request) => request.method === "POST");
    expect(sent).toMatchObject({
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`,
      contentType: "application/x-www-form-urlencoded",
    });
    expect(Object.fromEntries(new URLSearchParams(sent!.body))).toEqual({ To: from, From: TOWN_NUMBER, Body: menu });

    expect(await say(channel.id, from, "1")).toEqual(["Welcher Dialog? Senden Sie sein Stichwort oder den Einladungs-Code. STOPP beendet alle Nachrichten."]);
    expect(await say(channel.id, from, "GIBTSNICHT")).toEqual(["Dieses Stichwort oder diesen Code kenne ich nicht. Bitte prüfen und noch einmal senden."]);
    const [kinds] = await say(channel.id, from, dialogue.slug.toUpperCase());
    expect(kinds).toBe(`${dialogue.title}\nWas möchten Sie senden? Antworten Sie mit der Nummer:\n1 Bedarf\n2 Vorschlag`);
    const [themes] = await say(channel.id, from, "1");
    const themeRows = await db.theme.findMany({ where: { id: { in: dialogue.themes.map((theme) => theme.themeId) } } });
    const chosen = themeRows[1]!;
    expect(await say(channel.id, from, numberOf(themes!, chosen.name))).toEqual(["Bedarf: Schreiben Sie es in einer Nachricht, oder senden Sie eine Sprachnachricht."]);
    const words = "In der Unterkunft Haus 3 gibt es seit Wochen kein WLAN. Die Kinder können keine Hausaufgaben machen.";
    const [perspectives] = await say(channel.id, from, words);
    expect(perspectives).toContain("1 Menschen mit Fluchterfahrung");
    expect(await say(channel.id, from, "1")).toEqual(["Dürfen andere Ihre Perspektive dabei sehen? 1 ja, 2 nein"]);
    const [readBack] = await say(channel.id, from, "2");
    expect(readBack).toBe(`Das wird veröffentlicht:\nBedarf · ${chosen.name}\n"${words}"\nPerspektive: Menschen mit Fluchterfahrung (nicht sichtbar)\nAntworten Sie 1 zum Veröffentlichen, 2 zum Abbrechen.`);
    // Nothing is published before the confirmation.
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(0);

    const [published] = await say(channel.id, from, "1");
    const contribution = await db.contribution.findFirstOrThrow({ where: { dialogueId: dialogue.id }, include: { receipt: true, channelOrigin: true } });
    expect(contribution).toMatchObject({
      source: "MESSENGER",
      authorId: null,
      recordedById: null,
      kind: "NEED",
      themeId: chosen.id,
      body: words,
      language: "de",
      authorPerspective: "LIVED_EXPERIENCE",
      voiceShowsPerspective: false,
      shownPerspective: "NOT_STATED",
      awaitingTranscript: false,
    });
    expect(contribution.readBackConfirmedAt).not.toBeNull();
    expect(contribution.channelOrigin).toMatchObject({ channelId: channel.id, kind: "SMS" });
    const code = formatReceiptCode(contribution.receipt!.code);
    expect(published).toContain(`Ihre Quittung: ${code}`);
    expect(published).toContain(`/de/r/${code}`);
    // The person follows it (decision 030) through their contact's account, and the conversation is over.
    const contact = await contactOf(channel.id, "sms", from);
    expect(contact).toMatchObject({ locale: "de", state: null, stateExpiresAt: null });
    expect(await db.follow.count({ where: { userId: contact!.userId, contributionId: contribution.id, unfollowedAt: null } })).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { id: contact!.userId } })).toMatchObject({ email: null, signInHandle: null, signInCodeHash: null, locale: "de" });
  });

  it("takes an invitation code instead of the keyword, and cancels on 2 without publishing", async () => {
    const { dialogue, channel } = await town();
    const code = uniqueInvitationCode();
    await db.invitation.create({ data: { dialogueId: dialogue.id, code, expiresAt: new Date(Date.now() + 86_400_000), maxUses: 10, createdById: dialogue.createdById } });
    const from = senderNumber();
    await say(channel.id, from, "hi");
    await say(channel.id, from, "2");
    const [kinds] = await say(channel.id, from, `${code.slice(0, 4)}-${code.slice(4).toLowerCase()}`);
    expect(kinds).toContain("1 Need\n2 Proposal");
    const [themes] = await say(channel.id, from, "2");
    await say(channel.id, from, themes!.split("\n")[1]!.split(" ")[0]!);
    await say(channel.id, from, "A bench at the bus stop on Lindenstraße.");
    const [readBack] = await say(channel.id, from, "3");
    expect(readBack).toContain("Group: Not stated");
    expect(await say(channel.id, from, "2")).toEqual(["Cancelled, nothing was published. Send the keyword to start again."]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });
});

describe("a voice note by WhatsApp, in Arabic", () => {
  it("chooses Arabic with Arabic-Indic digits, checks the recording by its content and publishes it pending a transcript", async () => {
    const { dialogue, channel } = await town();
    const from = senderNumber();
    await say(channel.id, from, "مرحبا", { kind: "WHATSAPP" });
    expect(twilio.messages().at(-1)).toMatchObject({ To: `whatsapp:${from}`, From: `whatsapp:${TOWN_NUMBER}` });
    expect(await say(channel.id, from, "٣", { kind: "WHATSAPP" })).toEqual(["أي حوار؟ أرسل كلمته المفتاحية أو رمز الدعوة. توقف يوقف كل الرسائل."]);
    await say(channel.id, from, dialogue.slug, { kind: "WHATSAPP" });
    const [themes] = await say(channel.id, from, "١", { kind: "WHATSAPP" });
    await say(channel.id, from, themes!.split("\n")[1]!.split(" ")[0]!, { kind: "WHATSAPP" });

    // Not audio: refused, asked again.
    const notAudio = twilio.addMedia(`x${sequence}`, new TextEncoder().encode("kein Ton"), "audio/ogg");
    expect(await say(channel.id, from, "", { kind: "WHATSAPP", media: { url: notAudio, type: "audio/ogg" } })).toEqual([
      "لا أستطيع استخدام هذا التسجيل. أرسل رسالة صوتية حتى 3 دقائق، أو اكتبه.",
    ]);
    // A media address that is not this account's at Twilio is never fetched.
    const fetchesBefore = twilio.requests.filter((request) => request.method === "GET").length;
    await say(channel.id, from, "", { kind: "WHATSAPP", media: { url: "http://169.254.169.254/latest/meta-data", type: "audio/ogg" } });
    expect(twilio.requests.filter((request) => request.method === "GET")).toHaveLength(fetchesBefore);

    const voice = twilio.addMedia(`v${sequence}`, VOICE, "audio/ogg");
    const [perspectives] = await say(channel.id, from, "", { kind: "WHATSAPP", media: { url: voice, type: "audio/ogg" } });
    expect(perspectives).toContain("1 ");
    await say(channel.id, from, "1", { kind: "WHATSAPP" });
    const [readBack] = await say(channel.id, from, "1", { kind: "WHATSAPP" });
    expect(readBack).toContain("رسالة صوتية (يكتبها الفريق)");
    const [published] = await say(channel.id, from, "1", { kind: "WHATSAPP" });
    expect(published).toContain("شكرًا، تم النشر.");
    const contribution = await db.contribution.findFirstOrThrow({ where: { dialogueId: dialogue.id }, include: { voiceMessage: { include: { audio: true } }, channelOrigin: true } });
    expect(contribution).toMatchObject({ source: "MESSENGER", title: "", body: "", awaitingTranscript: true, language: "ar", voiceShowsPerspective: true, shownPerspective: "LIVED_EXPERIENCE" });
    expect(contribution.voiceMessage).toMatchObject({ mimeType: "audio/ogg", byteSize: VOICE.byteLength, durationMs: 1200 });
    expect(Buffer.from(contribution.voiceMessage!.audio!.bytes).equals(Buffer.from(VOICE))).toBe(true);
    expect(contribution.channelOrigin).toMatchObject({ kind: "WHATSAPP" });

    // Ours now, so Twilio's copy is deleted — after the last fetch (at the confirmation) — and so is
    // the refused one: the exact request of Twilio's Media resource, authenticated as every call.
    const deletes = twilio.requests.filter((request) => request.method === "DELETE");
    expect(deletes).toEqual(
      [notAudio, voice].map((url) => ({ method: "DELETE", path: `${new URL(url).pathname}.json`, authorization: basic, contentType: undefined, body: "" })),
    );
    const lastFetch = twilio.requests.findLastIndex((request) => request.method === "GET" && request.path === new URL(voice).pathname);
    expect(twilio.requests.indexOf(deletes[1]!)).toBeGreaterThan(lastFetch);
    expect(twilio.hasMedia(voice)).toBe(false);
    expect(twilio.hasMedia(notAudio)).toBe(false);
  });
});

describe("voice notes kept at Twilio", () => {
  async function atContent(channel: { id: string }, dialogue: { slug: string }, from: string) {
    await say(channel.id, from, "hi", { kind: "WHATSAPP" });
    await say(channel.id, from, "2", { kind: "WHATSAPP" });
    await say(channel.id, from, dialogue.slug, { kind: "WHATSAPP" });
    const [themes] = await say(channel.id, from, "1", { kind: "WHATSAPP" });
    await say(channel.id, from, themes!.split("\n")[1]!.split(" ")[0]!, { kind: "WHATSAPP" });
  }
  const deletesOf = (url: string) => twilio.requests.filter((request) => request.method === "DELETE" && request.path === `${new URL(url).pathname}.json`);

  it("are kept while the conversation needs them, deleted when it lapses, retried while Twilio fails", async () => {
    const { clearLapsedConversations } = await import("@/lib/channels/contacts");
    const { dialogue, channel } = await town();
    const from = senderNumber();
    await atContent(channel, dialogue, from);
    const voice = twilio.addMedia(`lapse${sequence}`, VOICE, "audio/ogg");
    await say(channel.id, from, "", { kind: "WHATSAPP", media: { url: voice, type: "audio/ogg" } });
    // Held for the confirmation, which fetches it again.
    expect(deletesOf(voice)).toEqual([]);
    expect(twilio.hasMedia(voice)).toBe(true);

    const contact = (await contactOf(channel.id, "whatsapp", from))!;
    await db.channelContact.update({ where: { id: contact.id }, data: { stateExpiresAt: new Date(Date.now() - 60_000) } });
    twilio.failNextDeletes(1);
    await clearLapsedConversations();
    expect(await runDueJobs([QUEUES.channelMediaDelete])).toEqual({ done: 0, failed: 1 });
    expect(twilio.hasMedia(voice)).toBe(true);
    // pg-boss tries it again after its back-off; made due now rather than waited for.
    const [job] = await db.$queryRaw<{ id: string; state: string }[]>`
      UPDATE pgboss.job SET start_after = now() WHERE name = ${QUEUES.channelMediaDelete} AND data->>'mediaSid' = ${`MElapse${sequence}`}
      RETURNING id::text AS "id", state::text AS "state"`;
    expect(job!.state).toBe("retry");
    expect(await runDueJobs([QUEUES.channelMediaDelete])).toEqual({ done: 1, failed: 0 });
    expect(deletesOf(voice)).toHaveLength(2);
    expect(twilio.hasMedia(voice)).toBe(false);
  });

  it("go at STOP, at a cancel, and when one is sent where none was asked for", async () => {
    const { dialogue, channel } = await town();
    const [stopping, cancelling, early] = [senderNumber(), senderNumber(), senderNumber()];

    await atContent(channel, dialogue, stopping);
    const held = twilio.addMedia(`stop${sequence}`, VOICE, "audio/ogg");
    await say(channel.id, stopping, "", { kind: "WHATSAPP", media: { url: held, type: "audio/ogg" } });
    await say(channel.id, stopping, "STOP", { kind: "WHATSAPP" });
    expect(deletesOf(held)).toHaveLength(1);

    await atContent(channel, dialogue, cancelling);
    const cancelled = twilio.addMedia(`cancel${sequence}`, VOICE, "audio/ogg");
    await say(channel.id, cancelling, "", { kind: "WHATSAPP", media: { url: cancelled, type: "audio/ogg" } });
    // "not stated", then the read-back: 2 cancels.
    await say(channel.id, cancelling, "3", { kind: "WHATSAPP" });
    expect(deletesOf(cancelled)).toEqual([]);
    await say(channel.id, cancelling, "2", { kind: "WHATSAPP" });
    expect(deletesOf(cancelled)).toHaveLength(1);
    expect(twilio.hasMedia(cancelled)).toBe(false);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(0);

    // A voice note as the very first message: nothing to do with it, never fetched, deleted.
    const unasked = twilio.addMedia(`early${sequence}`, VOICE, "audio/ogg");
    await say(channel.id, early, "", { kind: "WHATSAPP", media: { url: unasked, type: "audio/ogg" } });
    expect(twilio.requests.filter((request) => request.method === "GET" && request.path === new URL(unasked).pathname)).toEqual([]);
    expect(deletesOf(unasked)).toHaveLength(1);
  });
});

describe("timeouts and STOP", () => {
  it("lets an unfinished conversation lapse: nothing published, the person starts again in their language", async () => {
    const { dialogue, channel } = await town();
    const from = senderNumber();
    await say(channel.id, from, "hello");
    await say(channel.id, from, "2");
    await say(channel.id, from, dialogue.slug);
    await say(channel.id, from, "1");
    const contact = await contactOf(channel.id, "sms", from);
    expect(contact!.stateExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    await db.channelContact.update({ where: { id: contact!.id }, data: { stateExpiresAt: new Date(Date.now() - 1000) } });
    expect(await say(channel.id, from, "1")).toEqual([
      "Your last conversation was left too long; nothing was published.",
      "I do not know this keyword or code. Please check it and send it again.",
    ]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it.each([
    ["STOP", "en", "2", "You will get no more messages from us. Your number has been deleted."],
    ["توقف", "ar", "3", "لن تصلك منا رسائل بعد الآن. تم حذف رقمك."],
    ["стоп", "uk", "7", "Ви більше не отримуватимете від нас повідомлень. Ваш номер видалено."],
    ["Stopp.", "de", "1", "Sie bekommen keine Nachrichten mehr von uns. Ihre Nummer ist gelöscht."],
  ])("%s (%s) says goodbye once and deletes the number, its account and follows; nothing is sent afterwards", async (word, _locale, pick, goodbye) => {
    const { channel } = await town();
    const from = senderNumber();
    await say(channel.id, from, "hi");
    await say(channel.id, from, pick);
    const contact = await contactOf(channel.id, "sms", from);
    expect(await say(channel.id, from, word)).toEqual([goodbye]);
    expect(twilio.messages().at(-1)!.To).toBe(from);
    expect(await contactOf(channel.id, "sms", from)).toBeNull();
    expect(await db.user.findUnique({ where: { id: contact!.userId } })).toBeNull();
    // A message queued for the deleted contact is dropped, not sent.
    const before = twilio.messages().length;
    await sendToContact(contact!.id, "Die Stadt hat geantwortet.");
    expect(await runDueJobs(CHANNEL_QUEUES)).toEqual({ done: 1, failed: 0 });
    expect(twilio.messages()).toHaveLength(before);
  });
});

describe("forged webhooks", () => {
  it("refuses a wrong signature, a signature for another address, another channel's id and a non-form body", async () => {
    const { channel } = await town();
    const from = senderNumber();
    expect((await twilioPost(channel.id, from, "hi", { signature: "bm90IGEgc2lnbmF0dXJl" })).status).toBe(403);
    expect((await twilioPost(channel.id, from, "hi", { signedUrl: "https://evil.example/api/channels/twilio/" + channel.id })).status).toBe(403);
    // Signed for this channel's address, replayed to another channel's address.
    const { channel: other } = await town();
    expect((await twilioPost(channel.id, from, "hi", { channelId: other.id })).status).toBe(403);
    expect((await twilioPost(channel.id, from, "hi", { channelId: "not-a-uuid" })).status).toBe(403);
    const json = await twilioWebhook(new Request(twilioWebhookUrl(channel.id), { method: "POST", headers: { "content-type": "application/json", "x-twilio-signature": "x" }, body: "{}" }), { params: Promise.resolve({ channelId: channel.id }) });
    expect(json.status).toBe(403);
    expect(await contactOf(channel.id, "sms", from)).toBeNull();
    expect(await runDueJobs(CHANNEL_QUEUES)).toEqual({ done: 0, failed: 0 });
  });

  it("answers a switched-off channel's signed message without keeping the number", async () => {
    const { channel } = await town("TWILIO", false);
    const from = senderNumber();
    expect((await twilioPost(channel.id, from, "hi")).status).toBe(200);
    expect(await contactOf(channel.id, "sms", from)).toBeNull();
  });
});

describe("numbers at rest", () => {
  it("stores no number in plain text anywhere in the database (every text and JSON column, job queue included)", async () => {
    const { dialogue, channel } = await town();
    const from = senderNumber();
    await say(channel.id, from, "hallo");
    await say(channel.id, from, "1");
    await say(channel.id, from, dialogue.slug);
    const contact = await contactOf(channel.id, "sms", from);
    expect(decrypt(contact!.addressEncrypted)).toBe(`sms:${from}`);
    // A job still waiting holds the contact's id, not the number.
    await sendToContact(contact!.id, "Noch ein Hinweis.");
    const digits = from.slice(1);
    const scan = async (needle: string) => {
      const found: string[] = [];
      for (const { schema, table, column } of columns) {
        const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM "${schema}"."${table}" WHERE position($1 in "${column}"::text) > 0`,
          needle,
        );
        if (Number(rows[0]!.n) > 0) found.push(`${schema}.${table}.${column}`);
      }
      return found;
    };
    const columns = await db.$queryRaw<{ schema: string; table: string; column: string }[]>`
      SELECT table_schema AS schema, table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema IN ('public', 'pgboss') AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')`;
    expect(columns.length).toBeGreaterThan(50);
    // The scan finds what is there (the keyword the person typed is in the dialogue's address and in a job) …
    expect(await scan(dialogue.slug)).toContain("public.Dialogue.slug");
    // … and the number nowhere, with or without its "+".
    expect(await scan(digits)).toEqual([]);
    await runDueJobs(CHANNEL_QUEUES);
  });
});

describe("limits and the blocklist", () => {
  it("drops messages from a number over its hourly limit, and from a blocked number, unanswered", async () => {
    const { channel } = await town();
    const config = (await loadChannel(channel.id))!;
    const from = senderNumber();
    const results = [];
    for (let i = 0; i < 41; i++) results.push(await acceptInbound(config, { kind: "SMS", from, text: "hallo", media: [] }));
    expect(results.filter((result) => result === "queued")).toHaveLength(40);
    expect(results.at(-1)).toBe("dropped");
    // Another number is not affected.
    expect(await acceptInbound(config, { kind: "SMS", from: senderNumber(), text: "hallo", media: [] })).toBe("queued");
    const blocked = senderNumber();
    await db.channelBlock.create({ data: { channelId: channel.id, addressHash: addressHash(`sms:${blocked}`), blockedById: (await db.user.findFirstOrThrow()).id } });
    expect(await acceptInbound(config, { kind: "SMS", from: blocked, text: "hallo", media: [] })).toBe("dropped");
    expect(await contactOf(channel.id, "sms", blocked)).toBeNull();
    await runDueJobs(CHANNEL_QUEUES);
  });

  it("stops a number guessing keywords and codes after ten misses", async () => {
    const { channel } = await town();
    const from = senderNumber();
    await say(channel.id, from, "hi");
    await say(channel.id, from, "2");
    for (let i = 0; i < 10; i++) await say(channel.id, from, `GUESS${i}`);
    expect(await say(channel.id, from, "GUESS10")).toEqual(["Too many tries. Please try again later."]);
  });
});

describe("Signal through signal-cli-rest-api", () => {
  it("receives by polling /v1/receive, converses in Ukrainian with a voice note and answers through /v2/send", async () => {
    const { dialogue, channel } = await town("SIGNAL");
    const from = senderNumber();
    async function tell(text: string | null, attachment?: { id: string; bytes: Uint8Array; contentType: string }) {
      const before = signal.sent().length;
      signal.deliver(from, text, attachment);
      await receiveSignalMessages();
      await runDueJobs(CHANNEL_QUEUES);
      return signal.sent().slice(before).map((message) => message.message);
    }
    await tell("Привіт");
    expect(signal.requests.find((request) => request.method === "GET")).toMatchObject({ path: `/v1/receive/${encodeURIComponent(SIGNAL_NUMBER)}` });
    const send = signal.requests.find((request) => request.method === "POST")!;
    expect(send).toMatchObject({ path: "/v2/send", contentType: "application/json" });
    expect(JSON.parse(send.body)).toEqual({ message: expect.stringContaining("7 Українська"), number: SIGNAL_NUMBER, recipients: [from] });
    expect(await tell("7")).toEqual(["Який діалог? Надішліть його ключове слово або код запрошення. СТОП вимикає всі повідомлення."]);
    await tell(dialogue.slug);
    const [themes] = await tell("1");
    await tell(themes!.split("\n")[1]!.split(" ")[0]!);
    await tell(null, { id: `voice${sequence}.ogg`, bytes: VOICE, contentType: "audio/ogg" });
    await tell("3");
    const [published] = await tell("1");
    expect(published).toContain("Дякуємо, опубліковано.");
    const contribution = await db.contribution.findFirstOrThrow({ where: { dialogueId: dialogue.id }, include: { voiceMessage: true, channelOrigin: true } });
    expect(contribution).toMatchObject({ source: "MESSENGER", language: "uk", awaitingTranscript: true, authorPerspective: "NOT_STATED" });
    expect(contribution.channelOrigin).toMatchObject({ channelId: channel.id, kind: "SIGNAL" });
  });
});

describe("sendToContact, the sender the town's answers use", () => {
  it("queues one message and delivers it once, in the exact form the provider expects", async () => {
    const { channel } = await town();
    const from = senderNumber();
    await say(channel.id, from, "hi", { kind: "WHATSAPP" });
    const contact = (await contactOf(channel.id, "whatsapp", from))!;
    twilio.requests.length = 0;
    await sendToContact(contact.id, "Die Stadt hat geantwortet: Das WLAN kommt im März.");
    expect(await runDueJobs(CHANNEL_QUEUES)).toEqual({ done: 1, failed: 0 });
    expect(await runDueJobs(CHANNEL_QUEUES)).toEqual({ done: 0, failed: 0 });
    expect(twilio.messages()).toEqual([{ To: `whatsapp:${from}`, From: `whatsapp:${TOWN_NUMBER}`, Body: "Die Stadt hat geantwortet: Das WLAN kommt im März." }]);
  });
});

describe("connecting a number (staff)", () => {
  it("lets the municipality's staff save a channel with its secret sealed, keeps the secret when left empty, and refuses everyone else", async () => {
    const { saveChannel, getChannelSettings } = await import("@/lib/channels/configure-channel");
    const { viewerOf } = await import("@/tests/support/viewers");
    const { createMunicipality, createUser } = await import("@/tests/support/factories");
    const municipality = await createMunicipality();
    const staff = await createUser({ municipalityMemberships: { create: { municipalityId: municipality.id, role: "STAFF" } } });
    const stranger = await createUser();
    const input = { municipalityId: municipality.id, provider: "TWILIO" as const, number: "+49 30 9018-20", accountRef: ACCOUNT_SID, secret: AUTH_TOKEN, enabled: true as const };
    await expect(saveChannel(await viewerOf(stranger.id), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await saveChannel(await viewerOf(staff.id), input);
    const saved = await db.messengerChannel.findUniqueOrThrow({ where: { municipalityId_provider: { municipalityId: municipality.id, provider: "TWILIO" } } });
    expect(saved).toMatchObject({ number: "+4930901820", enabled: true });
    expect(saved.secretEncrypted).not.toContain(AUTH_TOKEN);
    expect(decrypt(saved.secretEncrypted!)).toBe(AUTH_TOKEN);
    await saveChannel(await viewerOf(staff.id), { ...input, secret: "", enabled: undefined });
    const kept = await db.messengerChannel.findUniqueOrThrow({ where: { id: saved.id } });
    expect(kept).toMatchObject({ enabled: false, secretEncrypted: saved.secretEncrypted });
    const settings = await getChannelSettings(await viewerOf(staff.id), municipality.id);
    expect(settings.twilio).toMatchObject({ hasSecret: true, webhookUrl: twilioWebhookUrl(saved.id) });
    expect(JSON.stringify(settings)).not.toContain(AUTH_TOKEN);
    await expect(saveChannel(await viewerOf(staff.id), { ...input, provider: "SIGNAL", accountRef: "http://8.8.8.8:8080" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("lapsed conversations and blocking a sender", () => {
  it("clears conversations past their time, hourly, and leaves the others", async () => {
    const { clearLapsedConversations } = await import("@/lib/channels/contacts");
    const { dialogue, channel } = await town();
    const [lapsed, live] = [senderNumber(), senderNumber()];
    for (const from of [lapsed, live]) {
      await say(channel.id, from, "hi");
      await say(channel.id, from, "1");
      await say(channel.id, from, dialogue.slug);
    }
    const old = (await contactOf(channel.id, "sms", lapsed))!;
    await db.channelContact.update({ where: { id: old.id }, data: { stateExpiresAt: new Date(Date.now() - 60_000) } });
    expect((await clearLapsedConversations()).cleared).toBeGreaterThanOrEqual(1);
    expect(await contactOf(channel.id, "sms", lapsed)).toMatchObject({ state: null, stateExpiresAt: null, locale: "de" });
    expect((await contactOf(channel.id, "sms", live))!.state).toMatchObject({ step: "kind" });
  });

  it("lets a moderator of the dialogue block the sender of a contribution without seeing the number; a participant may not", async () => {
    const { blockSender, senderBlockState } = await import("@/lib/channels/block-sender");
    const { viewerOf } = await import("@/tests/support/viewers");
    const { addMember, createUser } = await import("@/tests/support/factories");
    const { dialogue, channel } = await town();
    const from = senderNumber();
    for (const text of ["hi", "1", dialogue.slug, "2", "1", "Eine Bank an der Haltestelle.", "3", "1"]) await say(channel.id, from, text);
    const contribution = await db.contribution.findFirstOrThrow({ where: { dialogueId: dialogue.id } });
    const [moderator, member] = [await createUser(), await createUser()];
    await addMember(dialogue.id, moderator.id, "MODERATOR");
    await addMember(dialogue.id, member.id, "PARTICIPANT");
    await expect(blockSender(await viewerOf(member.id), contribution.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The contribution page offers the button to the moderator only, and says once it is done.
    expect(await senderBlockState(await viewerOf(member.id), contribution.id)).toBeNull();
    expect(await senderBlockState(await viewerOf(moderator.id), contribution.id)).toEqual({ blocked: false });
    await blockSender(await viewerOf(moderator.id), contribution.id);
    expect(await senderBlockState(await viewerOf(moderator.id), contribution.id)).toEqual({ blocked: true });
    await blockSender(await viewerOf(moderator.id), contribution.id);
    expect(await db.channelBlock.count({ where: { channelId: channel.id } })).toBe(1);
    const before = twilio.messages().length;
    expect((await twilioPost(channel.id, from, "hallo")).status).toBe(200);
    await runDueJobs(CHANNEL_QUEUES);
    expect(twilio.messages()).toHaveLength(before);
  });
});
