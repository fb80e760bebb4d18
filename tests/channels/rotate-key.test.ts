// Replacing CHANNEL_ENCRYPTION_KEY (decision 052): `npm run channel:rotate-key` seals every number,
// provider secret and queued goodbye again with the new key and recomputes the lookup HMACs (and
// the sender marks of contributions and blocks whose sender is still known), in one transaction;
// afterwards nothing opens with the old key, the person is found again under the new one, and a
// block still holds. A wrong key changes nothing.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { addressHash, decrypt, encrypt, parseChannelKey } from "@/lib/channels/crypto";
import { findOrCreateContact } from "@/lib/channels/contacts";
import { rotateChannelKey } from "@/lib/channels/rotate-key";
import { sendToSealedAddress } from "@/lib/channels/send";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import { createContribution, createDialogue, createUser, firstThemeId } from "@/tests/support/factories";

const OLD = randomBytes(32).toString("base64");
process.env.CHANNEL_ENCRYPTION_KEY = OLD;
const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

function rotateKey(newKey: string) {
  return run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--import", "./scripts/support/server-only-hook.mjs", "scripts/channel-rotate-key.ts"], {
    cwd: ROOT,
    env: { ...process.env, CHANNEL_ENCRYPTION_KEY: OLD, NEW_CHANNEL_ENCRYPTION_KEY: newKey, LOG_LEVEL: "warn" },
  });
}

async function town() {
  const dialogue = await createDialogue();
  const channel = await db.messengerChannel.create({
    data: { municipalityId: dialogue.municipalityId, provider: "TWILIO", enabled: true, number: "+4930901840", accountRef: `AC${"1".repeat(32)}`, secretEncrypted: encrypt("twilio-auth-token") },
  });
  const moderator = await createUser();
  return { dialogue, channel, moderator };
}

/** A contribution that came by messenger from `hash`, as the conversation stores it. */
async function fromSender(dialogue: Awaited<ReturnType<typeof createDialogue>>, channelId: string, hash: string) {
  const contribution = await createContribution({ dialogueId: dialogue.id, themeId: firstThemeId(dialogue), authorId: null, source: "MESSENGER", readBackConfirmedAt: new Date() });
  await db.channelContribution.create({ data: { contributionId: contribution.id, channelId, kind: "SMS", senderHash: hash } });
  return contribution;
}

describe("npm run channel:rotate-key", () => {
  it("seals numbers, secrets and queued goodbyes again with the new key, and carries the lookups and blocks over", async () => {
    const { dialogue, channel, moderator } = await town();
    const address = "sms:+4915112345678";
    const contact = await findOrCreateContact(channel.id, "SMS", address, "ar");
    const oldHash = addressHash(address);
    await fromSender(dialogue, channel.id, oldHash);
    await db.channelBlock.create({ data: { channelId: channel.id, addressHash: oldHash, blockedById: moderator.id } });
    // Someone who sent STOP: only their mark is left, and nothing to compute a new one from.
    const goneHash = addressHash("sms:+4915199999999");
    await fromSender(dialogue, channel.id, goneHash);
    await db.channelBlock.create({ data: { channelId: channel.id, addressHash: goneHash, blockedById: moderator.id } });
    await sendToSealedAddress(channel.id, "SMS", encrypt("sms:+4915188888888"), "Goodbye");

    const NEW = randomBytes(32).toString("hex");
    const { stdout } = await rotateKey(NEW);
    expect(stdout).toContain("sealed again: 1 numbers, 1 provider secrets, 1 queued messages; sender marks carried over: 1 contributions, 1 blocks");
    expect(stdout).toContain("kept under earlier keys (their senders' numbers are gone; found again when they write): 1 contributions' sender marks, 1 blocks; 1 earlier lookup keys kept");

    const newKey = parseChannelKey(NEW);
    const oldKey = parseChannelKey(OLD);
    const rotated = await db.channelContact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(decrypt(rotated.addressEncrypted, newKey)).toBe(address);
    expect(() => decrypt(rotated.addressEncrypted, oldKey)).toThrow();
    expect(rotated.addressHash).toBe(addressHash(address, newKey));
    expect(rotated.addressHash).not.toBe(oldHash);
    const secret = await db.messengerChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(decrypt(secret.secretEncrypted!, newKey)).toBe("twilio-auth-token");
    // The person's contribution and the block follow them to the new lookup key.
    expect(await db.channelContribution.count({ where: { channelId: channel.id, senderHash: rotated.addressHash } })).toBe(1);
    expect(await db.channelBlock.count({ where: { channelId: channel.id, addressHash: rotated.addressHash } })).toBe(1);
    expect(await db.channelContribution.count({ where: { senderHash: oldHash } })).toBe(0);
    const [job] = await db.$queryRaw<{ sealed: string }[]>`SELECT data->>'addressEncrypted' AS "sealed" FROM pgboss.job WHERE name = ${QUEUES.channelSend}`;
    expect(decrypt(job!.sealed, newKey)).toBe("sms:+4915188888888");

    // Run again: everything already opens with the new key; nothing changes.
    const again = await rotateChannelKey(oldKey, newKey);
    expect(again).toMatchObject({ contacts: 1, alreadyRotated: 2, contributions: 0, blocks: 0, queuedMessages: 0 });
    expect((await db.channelContact.findUniqueOrThrow({ where: { id: contact.id } })).addressEncrypted).toBe(rotated.addressEncrypted);
  });

  it("refuses a key the data was not sealed with, and changes nothing", async () => {
    const { channel } = await town();
    const contact = await findOrCreateContact(channel.id, "SMS", "sms:+4915122222222", "de");
    const before = await db.channelContact.findUniqueOrThrow({ where: { id: contact.id } });
    const stranger = randomBytes(32);
    await expect(rotateChannelKey(stranger, randomBytes(32))).rejects.toThrow(/opens with neither/);
    expect(await db.channelContact.findUniqueOrThrow({ where: { id: contact.id } })).toEqual(before);
    await expect(rotateKey("not a key")).rejects.toMatchObject({ code: 1 });
  });
});
