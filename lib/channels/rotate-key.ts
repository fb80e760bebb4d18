import "server-only";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import { addressHash, decrypt, encrypt, lookupKey } from "./crypto";

// Replacing CHANNEL_ENCRYPTION_KEY (decision 052; `npm run channel:rotate-key`): every sealed
// number and provider secret is opened with the old key and sealed again with the new one, and
// every lookup HMAC is computed again — in one transaction, so the database holds either the old
// key's values or the new key's, never a mix. A leaked key lets anyone with a copy of the database
// test guessed numbers against the HMACs, so they change too.
//
// What cannot be computed again: the marks (HMACs) of blocks and contributions whose sender's
// number is gone — they sent STOP, or were forgotten after a month. A moderator's block must still
// hold when such a sender writes again, so the old key's lookup key (the HMAC key derived from it,
// which opens nothing) is kept, sealed with the new key, in ChannelRetiredKey while any such mark
// is left; a message is looked up under it too, and the sender's marks then move to the new key
// (lib/channels/retired-keys.ts). Retired lookup keys are sealed again at every rotation and
// deleted once no mark needs them. Goodbyes after STOP still in the queue are sealed again; the
// sealed address of those already sent (kept by pg-boss for an hour) is erased.
//
// Run it with the app and the workers stopped (or every channel switched off): a message taken
// in with the old key during the rotation would be sealed with it.

export type RotationReport = {
  contacts: number;
  channels: number;
  contributions: number;
  blocks: number;
  queuedMessages: number;
  /** Marks of senders whose number is gone (STOP, forgotten), now under a retired lookup key (earlier rotations' included). */
  unmatchedContributions: number;
  unmatchedBlocks: number;
  /** Lookup keys of earlier channel keys kept after this rotation (0 when no mark needs one). */
  retiredKeys: number;
  /** Goodbyes already sent whose sealed address was erased from the queue's record. */
  clearedSentMessages: number;
  /** Values that already opened with the new key: the rotation was run before (it is one transaction, so never half). */
  alreadyRotated: number;
};

/** Opens `sealed` with the old key, or says it is already sealed with the new one; throws when neither opens it. */
function open(sealed: string, oldKey: Buffer, newKey: Buffer): { plain: string; rotated: boolean } {
  try {
    return { plain: decrypt(sealed, oldKey), rotated: false };
  } catch {
    try {
      return { plain: decrypt(sealed, newKey), rotated: true };
    } catch {
      throw new Error("a stored value opens with neither the old nor the new key: is CHANNEL_ENCRYPTION_KEY the key the data was sealed with?");
    }
  }
}

export async function rotateChannelKey(oldKey: Buffer, newKey: Buffer): Promise<RotationReport> {
  if (oldKey.equals(newKey)) throw new Error("the new key is the old key");
  return db.$transaction(
    async (tx) => {
      // Nothing else writes these tables meanwhile (a message coming in waits, then finds the new values).
      await tx.$executeRaw`LOCK TABLE "MessengerChannel", "ChannelContact", "ChannelContribution", "ChannelBlock", "ChannelRetiredKey" IN SHARE ROW EXCLUSIVE MODE`;
      const report: RotationReport = {
        contacts: 0,
        channels: 0,
        contributions: 0,
        blocks: 0,
        queuedMessages: 0,
        unmatchedContributions: 0,
        unmatchedBlocks: 0,
        retiredKeys: 0,
        clearedSentMessages: 0,
        alreadyRotated: 0,
      };

      for (const channel of await tx.messengerChannel.findMany({ where: { secretEncrypted: { not: null } }, select: { id: true, secretEncrypted: true } })) {
        const { plain, rotated } = open(channel.secretEncrypted!, oldKey, newKey);
        if (rotated) report.alreadyRotated += 1;
        else await tx.messengerChannel.update({ where: { id: channel.id }, data: { secretEncrypted: encrypt(plain, newKey) } });
        report.channels += 1;
      }

      // The old HMAC → the new one, per channel, for every number still held.
      const renamed: { channelId: string; before: string; after: string }[] = [];
      for (const contact of await tx.channelContact.findMany({ select: { id: true, channelId: true, addressEncrypted: true, addressHash: true } })) {
        const { plain, rotated } = open(contact.addressEncrypted, oldKey, newKey);
        report.contacts += 1;
        if (rotated) {
          report.alreadyRotated += 1;
          continue;
        }
        const after = addressHash(plain, newKey);
        renamed.push({ channelId: contact.channelId, before: contact.addressHash, after });
        await tx.channelContact.update({ where: { id: contact.id }, data: { addressEncrypted: encrypt(plain, newKey), addressHash: after } });
      }

      // Marks under the old key of a number still held follow it (those under a retired key stay with theirs).
      if (renamed.length > 0) {
        const channelIds = renamed.map((row) => row.channelId);
        const befores = renamed.map((row) => row.before);
        const afters = renamed.map((row) => row.after);
        report.contributions = await tx.$executeRaw`
          UPDATE "ChannelContribution" c SET "senderHash" = m."after"
          FROM unnest(${channelIds}::uuid[], ${befores}::text[], ${afters}::text[]) AS m("channelId", "before", "after")
          WHERE c."channelId" = m."channelId" AND c."senderHash" = m."before" AND c."lookupKeyId" IS NULL`;
        report.blocks = await tx.$executeRaw`
          UPDATE "ChannelBlock" b SET "addressHash" = m."after"
          FROM unnest(${channelIds}::uuid[], ${befores}::text[], ${afters}::text[]) AS m("channelId", "before", "after")
          WHERE b."channelId" = m."channelId" AND b."addressHash" = m."before" AND b."lookupKeyId" IS NULL`;
      }

      // The lookup keys of earlier rotations, sealed again.
      const oldLookup = lookupKey(oldKey).toString("base64url");
      let oldRetired: string | null = null;
      for (const retired of await tx.channelRetiredKey.findMany({ select: { id: true, lookupKeySealed: true } })) {
        const { plain, rotated } = open(retired.lookupKeySealed, oldKey, newKey);
        if (plain === oldLookup) oldRetired = retired.id;
        if (!rotated) await tx.channelRetiredKey.update({ where: { id: retired.id }, data: { lookupKeySealed: encrypt(plain, newKey) } });
      }
      // Marks under the old key whose number is gone (no contact has their hash): the old key's lookup key is kept for them.
      const [gone] = await tx.$queryRaw<{ count: number }[]>`
        SELECT ((SELECT count(*) FROM "ChannelContribution" c WHERE c."lookupKeyId" IS NULL AND NOT EXISTS
                  (SELECT 1 FROM "ChannelContact" k WHERE k."channelId" = c."channelId" AND k."addressHash" = c."senderHash"))
              + (SELECT count(*) FROM "ChannelBlock" b WHERE b."lookupKeyId" IS NULL AND NOT EXISTS
                  (SELECT 1 FROM "ChannelContact" k WHERE k."channelId" = b."channelId" AND k."addressHash" = b."addressHash")))::int AS "count"`;
      if (gone!.count > 0) {
        oldRetired ??= (await tx.channelRetiredKey.create({ data: { lookupKeySealed: encrypt(oldLookup, newKey) }, select: { id: true } })).id;
        await tx.$executeRaw`
          UPDATE "ChannelContribution" c SET "lookupKeyId" = ${oldRetired}::uuid WHERE c."lookupKeyId" IS NULL AND NOT EXISTS
            (SELECT 1 FROM "ChannelContact" k WHERE k."channelId" = c."channelId" AND k."addressHash" = c."senderHash")`;
        await tx.$executeRaw`
          UPDATE "ChannelBlock" b SET "lookupKeyId" = ${oldRetired}::uuid WHERE b."lookupKeyId" IS NULL AND NOT EXISTS
            (SELECT 1 FROM "ChannelContact" k WHERE k."channelId" = b."channelId" AND k."addressHash" = b."addressHash")`;
      }
      // A retired lookup key no mark needs any more (its senders wrote again since) goes.
      await tx.channelRetiredKey.deleteMany({ where: { blocks: { none: {} }, contributions: { none: {} } } });
      report.unmatchedContributions = await tx.channelContribution.count({ where: { lookupKeyId: { not: null } } });
      report.unmatchedBlocks = await tx.channelBlock.count({ where: { lookupKeyId: { not: null } } });
      report.retiredKeys = await tx.channelRetiredKey.count();

      // The goodbyes after STOP still waiting in the queue carry their sealed address (decision 045).
      const jobs = await tx.$queryRaw<{ id: string; sealed: string }[]>`
        SELECT id::text AS "id", data->>'addressEncrypted' AS "sealed" FROM pgboss.job
        WHERE name = ${QUEUES.channelSend} AND state IN ('created', 'retry', 'active') AND data ? 'addressEncrypted'
        FOR UPDATE`;
      for (const job of jobs) {
        const { plain, rotated } = open(job.sealed, oldKey, newKey);
        if (rotated) continue;
        await tx.$executeRaw`
          UPDATE pgboss.job SET data = jsonb_set(data, '{addressEncrypted}', to_jsonb(${encrypt(plain, newKey)}::text))
          WHERE name = ${QUEUES.channelSend} AND id = ${job.id}::uuid`;
        report.queuedMessages += 1;
      }
      // Goodbyes already sent (or given up): their sealed address is of no more use and would outlive the old key.
      report.clearedSentMessages = await tx.$executeRaw`
        UPDATE pgboss.job SET data = data - 'addressEncrypted'
        WHERE name = ${QUEUES.channelSend} AND state IN ('completed', 'failed', 'cancelled') AND data ? 'addressEncrypted'`;
      return report;
    },
    { timeout: 10 * 60 * 1000, maxWait: 60 * 1000 },
  );
}
