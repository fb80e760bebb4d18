import "server-only";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import { addressHash, decrypt, encrypt } from "./crypto";

// Replacing CHANNEL_ENCRYPTION_KEY (decision 052; `npm run channel:rotate-key`): every sealed
// number and provider secret is opened with the old key and sealed again with the new one, and
// every lookup HMAC is computed again — in one transaction, so the database holds either the old
// key's values or the new key's, never a mix. A leaked key lets anyone with a copy of the database
// test guessed numbers against the HMACs, so they change too.
//
// What cannot be carried over: the sender marks (HMACs) of contributions and blocks whose sender
// has since sent STOP — their number is gone, so there is nothing to compute the new HMAC from. A
// blocked sender who sent STOP and writes again after the rotation is not blocked any more; their
// old contributions no longer count toward a new contact's voice limits. The script reports how
// many such marks were left behind.
//
// Run it with the app and the workers stopped (or every channel switched off): a message taken
// in with the old key during the rotation would be sealed with it.

export type RotationReport = {
  contacts: number;
  channels: number;
  contributions: number;
  blocks: number;
  queuedMessages: number;
  /** Sender marks of people who sent STOP: left as they were (they match nothing any more). */
  unmatchedContributions: number;
  unmatchedBlocks: number;
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
      await tx.$executeRaw`LOCK TABLE "MessengerChannel", "ChannelContact", "ChannelContribution", "ChannelBlock" IN SHARE ROW EXCLUSIVE MODE`;
      const report: RotationReport = { contacts: 0, channels: 0, contributions: 0, blocks: 0, queuedMessages: 0, unmatchedContributions: 0, unmatchedBlocks: 0, alreadyRotated: 0 };

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

      if (renamed.length > 0) {
        const channelIds = renamed.map((row) => row.channelId);
        const befores = renamed.map((row) => row.before);
        const afters = renamed.map((row) => row.after);
        report.contributions = await tx.$executeRaw`
          UPDATE "ChannelContribution" c SET "senderHash" = m."after"
          FROM unnest(${channelIds}::uuid[], ${befores}::text[], ${afters}::text[]) AS m("channelId", "before", "after")
          WHERE c."channelId" = m."channelId" AND c."senderHash" = m."before"`;
        report.blocks = await tx.$executeRaw`
          UPDATE "ChannelBlock" b SET "addressHash" = m."after"
          FROM unnest(${channelIds}::uuid[], ${befores}::text[], ${afters}::text[]) AS m("channelId", "before", "after")
          WHERE b."channelId" = m."channelId" AND b."addressHash" = m."before"`;
      }
      const [unmatched] = await tx.$queryRaw<{ contributions: number; blocks: number }[]>`
        SELECT
          (SELECT count(*)::int FROM "ChannelContribution" c WHERE NOT EXISTS
            (SELECT 1 FROM "ChannelContact" k WHERE k."channelId" = c."channelId" AND k."addressHash" = c."senderHash")) AS "contributions",
          (SELECT count(*)::int FROM "ChannelBlock" b WHERE NOT EXISTS
            (SELECT 1 FROM "ChannelContact" k WHERE k."channelId" = b."channelId" AND k."addressHash" = b."addressHash")) AS "blocks"`;
      report.unmatchedContributions = unmatched!.contributions;
      report.unmatchedBlocks = unmatched!.blocks;

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
      return report;
    },
    { timeout: 10 * 60 * 1000, maxWait: 60 * 1000 },
  );
}
