import "server-only";
import { db } from "@/lib/db/client";
import { decrypt, hashWithLookupKey } from "./crypto";

// After a rotation of CHANNEL_ENCRYPTION_KEY (decision 052) the marks whose number is gone — a
// moderator's block of someone who sent STOP, the sender mark of what they published — cannot be
// computed again under the new key. The rotation keeps the old key's lookup key (sealed with the new
// key; it opens nothing) so such a sender is still known when they write again; at that moment the
// number is here, and their marks move to the current key for good (lookupKeyId null). A retired key
// no mark names any more is deleted at the next rotation.

/** The lookup hashes of `address` under every retired lookup key still kept; none after no rotation left any. */
export async function retiredHashes(address: string): Promise<string[]> {
  const keys = await db.channelRetiredKey.findMany({ select: { lookupKeySealed: true } });
  return keys.map(({ lookupKeySealed }) => hashWithLookupKey(address, Buffer.from(decrypt(lookupKeySealed), "base64url")));
}

/**
 * Moves the blocks and sender marks made under a retired key for this sender (`retired`) to their
 * current hash, under the sender's lock (two messages of one person at once take turns). A block
 * that exists under both is kept once.
 */
export async function carryMarksForward(channelId: string, current: string, retired: readonly string[]): Promise<{ blocks: number; contributions: number }> {
  if (retired.length === 0) return { blocks: 0, contributions: 0 };
  const old = [...retired];
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`channel-sender:${channelId}:${current}`}, 0))`;
    await tx.$executeRaw`
      DELETE FROM "ChannelBlock" WHERE "channelId" = ${channelId}::uuid AND "addressHash" = ANY(${old}::text[])
        AND EXISTS (SELECT 1 FROM "ChannelBlock" b WHERE b."channelId" = ${channelId}::uuid AND b."addressHash" = ${current})`;
    const blocks = await tx.$executeRaw`
      UPDATE "ChannelBlock" SET "addressHash" = ${current}, "lookupKeyId" = NULL WHERE "channelId" = ${channelId}::uuid AND "addressHash" = ANY(${old}::text[])`;
    const contributions = await tx.$executeRaw`
      UPDATE "ChannelContribution" SET "senderHash" = ${current}, "lookupKeyId" = NULL WHERE "channelId" = ${channelId}::uuid AND "senderHash" = ANY(${old}::text[])`;
    return { blocks, contributions };
  });
}
