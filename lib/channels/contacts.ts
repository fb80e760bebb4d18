import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { addressHash, encrypt } from "./crypto";

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
  const cleared = await db.$executeRaw`
    UPDATE "ChannelContact" SET "state" = NULL, "stateExpiresAt" = NULL WHERE "stateExpiresAt" < ${now}`;
  return { cleared };
}
