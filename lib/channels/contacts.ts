import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import type { InboundMedia } from "./conversation";
import { addressHash, encrypt } from "./crypto";
import { releaseMedia } from "./provider-media";

/** What staff and pages may say about a contact: the kind, never the number. */
export const CHANNEL_LABEL: Record<ChannelKind, string> = { SMS: "SMS", WHATSAPP: "WhatsApp", SIGNAL: "Signal" };

/**
 * The contact for `address` (channelAddress's form) at `channelId`, created at the first message:
 * the number encrypted, found by its HMAC, and an account with no way to sign in that will follow
 * what the person sends (decision 030's notifications reach the channel through it).
 */
export async function findOrCreateContact(channelId: string, kind: ChannelKind, address: string, locale: string) {
  const hash = addressHash(address);
  const existing = await db.channelContact.findUnique({ where: { channelId_addressHash: { channelId, addressHash: hash } }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    const created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { displayName: CHANNEL_LABEL[kind], locale }, select: { id: true } });
      return tx.channelContact.create({
        data: { channelId, kind, addressHash: hash, addressEncrypted: encrypt(address), userId: user.id },
        select: { id: true },
      });
    });
    return { id: created.id, created: true };
  } catch (error) {
    // Two first messages at once: the other one created it.
    const again = await db.channelContact.findUnique({ where: { channelId_addressHash: { channelId, addressHash: hash } }, select: { id: true } });
    if (again) return { id: again.id, created: false };
    throw error;
  }
}

/**
 * STOP: the number and everything that would reach it go — the contact, its account's follows and
 * notifications, and the account itself. What the person published stays (it has no author) with
 * its receipt, which they can still attach to an account of their own.
 */
export async function deleteContact(contactId: string, tx: Prisma.TransactionClient = db): Promise<void> {
  const contact = await tx.channelContact.findUnique({ where: { id: contactId }, select: { userId: true } });
  if (!contact) return;
  await tx.follow.deleteMany({ where: { userId: contact.userId } });
  await tx.notification.deleteMany({ where: { userId: contact.userId } });
  await tx.channelContact.delete({ where: { id: contactId } });
  await tx.user.delete({ where: { id: contact.userId } });
}

/** Whether a moderator blocked this sender at this channel. */
export async function isBlocked(channelId: string, hash: string): Promise<boolean> {
  return (await db.channelBlock.count({ where: { channelId, addressHash: hash } })) > 0;
}

/**
 * Conversations left unfinished lapse (decision 045): the texts and choices they hold are
 * cleared, hourly, whether or not the person writes again. Returns how many were cleared.
 */
export async function clearLapsedConversations(now = new Date()): Promise<{ cleared: number }> {
  return db.$transaction(async (tx) => {
    const cleared = await tx.$queryRaw<{ channelId: string; media: InboundMedia | null }[]>`
      WITH lapsed AS (SELECT "id", "channelId", "state" FROM "ChannelContact" WHERE "stateExpiresAt" < ${now} FOR UPDATE)
      UPDATE "ChannelContact" c SET "state" = NULL, "stateExpiresAt" = NULL FROM lapsed WHERE c."id" = lapsed."id"
      RETURNING lapsed."channelId"::text AS "channelId", lapsed."state"->'voice'->'media' AS "media"`;
    // A voice note the lapsed conversation held is deleted at the provider too.
    for (const { channelId, media } of cleared) await releaseMedia(channelId, [media], tx);
    return { cleared: cleared.length };
  });
}

/** Days a contact stays after its last message once nothing more can come back to it. */
export const FINISHED_CONTACT_DAYS = 30;

/**
 * A number is kept only for replying (decision 052): a contact whose person has not written for
 * FINISHED_CONTACT_DAYS, has no conversation open, follows nothing that can still get an answer
 * (every dialogue of what it follows is closed, or it follows nothing — it never published) and
 * has no news waiting is deleted like after STOP, without a goodbye. What it published stays.
 * Hourly, with the lapse job. Returns how many were deleted.
 */
export async function forgetFinishedContacts(now = new Date()): Promise<{ forgotten: number }> {
  const idle = new Date(now.getTime() - FINISHED_CONTACT_DAYS * 24 * 60 * 60 * 1000);
  const newsSince = new Date(now.getTime() - 14 * 24 * 60 * 60 * 1000);
  const finished = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "ChannelContact" c
    WHERE c."lastInboundAt" < ${idle} AND c."state" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Follow" f
        JOIN "Contribution" k ON k."id" = f."contributionId"
        JOIN "Dialogue" d ON d."id" = k."dialogueId"
        WHERE f."userId" = c."userId" AND f."unfollowedAt" IS NULL AND d."phase" <> 'CLOSED')
      AND NOT EXISTS (
        SELECT 1 FROM "Notification" n
        WHERE n."userId" = c."userId" AND n."readAt" IS NULL AND n."count" > n."channelCount" AND n."createdAt" > ${newsSince})`;
  let forgotten = 0;
  for (const { id } of finished) {
    await db.$transaction(async (tx) => {
      // The person may have written meanwhile: looked at again under the row's lock.
      const still = await tx.$queryRaw<unknown[]>`
        SELECT 1 FROM "ChannelContact" WHERE "id" = ${id}::uuid AND "lastInboundAt" < ${idle} AND "state" IS NULL FOR UPDATE`;
      if (still.length === 0) return;
      await deleteContact(id, tx);
      forgotten += 1;
    });
  }
  return { forgotten };
}
