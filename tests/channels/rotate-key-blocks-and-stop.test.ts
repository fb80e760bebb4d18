// Two rotations of CHANNEL_ENCRYPTION_KEY end to end (decision 052): people write in through
// Twilio's signed webhook, one publishes and then sends STOP, a moderator blocks him after that
// (his number is gone, only the mark of what he sent is left), another's STOP goodbye is still in
// the queue. `npm run channel:rotate-key` runs as an operator runs it; then the app starts again
// with the new key (its modules loaded afresh) and: the goodbye still reaches the number that said
// STOP, the sealed address of the goodbye already sent is gone from the queue, the blocked sender
// stays blocked — after one rotation and after two, whether he wrote in between or not — and a
// person who did nothing wrong is found again in their language.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { QUEUES } from "@/lib/jobs/queues";
import { startTwilioServer, twilioSignature } from "@/tests/support/messenger-providers";

const ACCOUNT_SID = `AC${randomBytes(16).toString("hex")}`;
const AUTH_TOKEN = randomBytes(16).toString("hex");
const TOWN_NUMBER = "+4930901830";
const [KEY_1, KEY_2, KEY_3] = [randomBytes(32).toString("base64"), randomBytes(32).toString("hex"), randomBytes(32).toString("base64")];
process.env.CHANNEL_ENCRYPTION_KEY = KEY_1;
const twilio = await startTwilioServer(ACCOUNT_SID, AUTH_TOKEN);
process.env.TWILIO_API_URL = twilio.origin;
afterAll(() => twilio.close());

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

/** The operator's command, with the app stopped. */
async function rotateKey(from: string, to: string): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--import", "./scripts/support/server-only-hook.mjs", "scripts/channel-rotate-key.ts"], {
    cwd: ROOT,
    env: { ...process.env, CHANNEL_ENCRYPTION_KEY: from, NEW_CHANNEL_ENCRYPTION_KEY: to, LOG_LEVEL: "warn" },
  });
  return stdout;
}

/** The app as it runs with `key`: every module loaded afresh, so it reads the environment anew (the connections stay). */
async function appWith(key: string) {
  vi.resetModules();
  process.env.CHANNEL_ENCRYPTION_KEY = key;
  const [{ POST }, { runDueJobs }, { db }, crypto, { twilioWebhookUrl }] = await Promise.all([
    import("@/app/api/channels/twilio/[channelId]/route"),
    import("@/tests/support/jobs"),
    import("@/lib/db/client"),
    import("@/lib/channels/crypto"),
    import("@/lib/channels/twilio"),
  ]);
  /** One SMS as Twilio signs and posts it; `jobs` the queues worked afterwards. Returns what was sent back to `from`. */
  async function sms(channelId: string, from: string, body: string, jobs = [QUEUES.channelInbound, QUEUES.channelSend]) {
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const params = { AccountSid: ACCOUNT_SID, ApiVersion: "2010-04-01", Body: body, From: from, MessageSid: sid, NumMedia: "0", SmsSid: sid, SmsStatus: "received", To: TOWN_NUMBER };
    const url = twilioWebhookUrl(channelId);
    const before = twilio.messages().length;
    const response = await POST(
      new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(AUTH_TOKEN, url, params) }, body: new URLSearchParams(params).toString() }),
      { params: Promise.resolve({ channelId }) },
    );
    expect(response.status).toBe(200);
    await runDueJobs(jobs);
    return twilio.messages().slice(before).filter((message) => message.To === from).map((message) => message.Body!);
  }
  return { sms, runDueJobs, db, crypto };
}

const number = (n: number) => `+49151${String(7_000_000 + n * 104_729).padStart(8, "0")}`;

describe("rotating the channel key, end to end", () => {
  it("keeps STOP and the moderators' blocks working across two rotations", async () => {
    const { createDialogue, openDialogue, createUser, addMember, createContribution, firstThemeId } = await import("@/tests/support/factories");
    const { viewerOf } = await import("@/tests/support/viewers");
    const { blockSender } = await import("@/lib/channels/block-sender");
    const [stopper, quitter, regular, silent] = [number(1), number(2), number(3), number(4)];

    // --- With the first key. ---
    let app = await appWith(KEY_1);
    const dialogue = await createDialogue({ slug: `markt${randomBytes(3).toString("hex")}` });
    await openDialogue(dialogue.id);
    const channel = await app.db.messengerChannel.create({
      data: { municipalityId: dialogue.municipalityId, provider: "TWILIO", enabled: true, number: TOWN_NUMBER, accountRef: ACCOUNT_SID, secretEncrypted: app.crypto.encrypt(AUTH_TOKEN) },
    });
    const moderator = await createUser();
    await addMember(dialogue.id, moderator.id, "MODERATOR");

    // He publishes a proposal by SMS, then says STOP: the goodbye goes out, his number is gone.
    for (const text of ["hi", "1", dialogue.slug, "2", "1", "Ein Markt nur für uns, ohne die anderen.", "3", "1"]) await app.sms(channel.id, stopper, text);
    const published = await app.db.contribution.findFirstOrThrow({ where: { dialogueId: dialogue.id, source: "MESSENGER" } });
    expect(await app.sms(channel.id, stopper, "STOP")).toEqual(["Sie bekommen keine Nachrichten mehr von uns. Ihre Nummer ist gelöscht."]);
    expect(await app.db.channelContact.count({ where: { channelId: channel.id } })).toBe(0);
    // The moderator blocks him afterwards, from what he published: only its mark is left.
    await blockSender(await viewerOf(moderator.id), published.id);
    // Someone never heard of since (forgotten after a month): blocked by the mark of what he sent.
    const silentMark = app.crypto.addressHash(`sms:${silent}`);
    const old = await createContribution({ dialogueId: dialogue.id, themeId: firstThemeId(dialogue), authorId: null, source: "MESSENGER", readBackConfirmedAt: new Date() });
    await app.db.channelContribution.create({ data: { contributionId: old.id, channelId: channel.id, kind: "SMS", senderHash: silentMark } });
    await blockSender(await viewerOf(moderator.id), old.id);
    // A person who did nothing wrong chose German.
    await app.sms(channel.id, regular, "Hallo");
    expect(await app.sms(channel.id, regular, "1")).toEqual(["Welcher Dialog? Senden Sie sein Stichwort oder den Einladungs-Code. STOPP beendet alle Nachrichten."]);
    // Another says STOP; the app is stopped before the goodbye went out.
    await app.sms(channel.id, quitter, "Hallo");
    expect(await app.sms(channel.id, quitter, "STOP", [QUEUES.channelInbound])).toEqual([]);

    // --- The operator replaces the key. ---
    const first = await rotateKey(KEY_1, KEY_2);
    expect(first).toContain("sealed again: 1 numbers, 1 provider secrets, 1 queued messages; sender marks carried over: 0 contributions, 0 blocks");
    expect(first).toContain("kept under earlier keys (their senders' numbers are gone; found again when they write): 2 contributions' sender marks, 2 blocks; 1 earlier lookup keys kept");
    expect(first).toContain("erased the sealed address of 1 goodbyes already sent");

    // --- The app with the second key. ---
    app = await appWith(KEY_2);
    // The goodbye waiting in the queue reaches the number that said STOP, once.
    const goodbye = "Sie bekommen keine Nachrichten mehr von uns. Ihre Nummer ist gelöscht.";
    expect(twilio.messages().filter((message) => message.To === quitter && message.Body === goodbye)).toHaveLength(0);
    await app.runDueJobs([QUEUES.channelSend]);
    expect(twilio.messages().filter((message) => message.To === quitter && message.Body === goodbye)).toHaveLength(1);
    // Nothing in the queue is sealed with the first key any more.
    const sealed = await app.db.$queryRaw<{ sealed: string | null }[]>`SELECT data->>'addressEncrypted' AS "sealed" FROM pgboss.job WHERE name = ${QUEUES.channelSend}`;
    expect(sealed.filter((row) => row.sealed !== null)).toHaveLength(1);
    expect(sealed.flatMap(({ sealed: value }) => (value ? [app.crypto.decrypt(value)] : []))).toEqual([`sms:${quitter}`]);

    // He writes again: blocked, unanswered; his block now stands under the second key.
    expect(await app.sms(channel.id, stopper, "Hallo")).toEqual([]);
    const stopperNow = app.crypto.addressHash(`sms:${stopper}`);
    expect(await app.db.channelBlock.count({ where: { channelId: channel.id, addressHash: stopperNow } })).toBe(1);
    expect(await app.db.channelContribution.count({ where: { contributionId: published.id, senderHash: stopperNow } })).toBe(1);
    expect(await app.db.channelContact.count({ where: { channelId: channel.id, addressHash: stopperNow } })).toBe(0);
    // She is found again, in German, where she left off.
    expect(await app.sms(channel.id, regular, "GIBTSNICHT")).toEqual(["Dieses Stichwort oder diesen Code kenne ich nicht. Bitte prüfen und noch einmal senden."]);

    // --- And once more, before the silent one ever wrote again. ---
    const second = await rotateKey(KEY_2, KEY_3);
    expect(second).toContain("2 contributions' sender marks, 2 blocks; 2 earlier lookup keys kept");
    app = await appWith(KEY_3);
    expect(await app.sms(channel.id, silent, "Hallo")).toEqual([]);
    expect(await app.sms(channel.id, stopper, "Hallo")).toEqual([]);
    expect(await app.db.channelBlock.count({ where: { channelId: channel.id, addressHash: { in: [stopper, silent].map((n) => app.crypto.addressHash(`sms:${n}`)) } } })).toBe(2);
    expect(await app.sms(channel.id, regular, "GIBTSNICHT")).toEqual(["Dieses Stichwort oder diesen Code kenne ich nicht. Bitte prüfen und noch einmal senden."]);
    // Both wrote and were moved to the third key; their numbers are gone again, so a third rotation
    // keeps the third key's lookup key for them alone: the first two, which no mark names any more, go.
    const third = await rotateKey(KEY_3, randomBytes(32).toString("base64"));
    expect(third).toContain("2 contributions' sender marks, 2 blocks; 1 earlier lookup keys kept");
    expect(await app.db.channelRetiredKey.count()).toBe(1);
    // Three runs of the operator's script (a process each) and some twenty messages.
  }, 180_000);
});
