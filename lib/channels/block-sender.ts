import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";

/**
 * A moderator (or staff) blocks whoever sent a contribution by SMS / WhatsApp / Signal (decision
 * 045), never seeing the number: the block is the sender's HMAC from the contribution's channel
 * trace. Their messages are dropped unanswered from now on, also after a STOP deleted their
 * contact (the trace keeps the HMAC, not the number). Idempotent.
 */
export async function blockSender(viewer: Viewer | null, contributionId: string): Promise<void> {
  const origin = await db.channelContribution.findUnique({
    where: { contributionId },
    select: { channelId: true, senderHash: true, lookupKeyId: true, contribution: { select: { dialogueId: true } } },
  });
  if (!origin) throw new AppError("NOT_FOUND", "no messenger contribution");
  authorize(viewer, "channel:block", await dialogueResource(origin.contribution.dialogueId));
  // Under the key the mark was made with: a retired one after a rotation, when the sender's number is gone (decision 052).
  await db.channelBlock.upsert({
    where: { channelId_addressHash: { channelId: origin.channelId, addressHash: origin.senderHash } },
    create: { channelId: origin.channelId, addressHash: origin.senderHash, lookupKeyId: origin.lookupKeyId, blockedById: viewer.id },
    update: {},
  });
}

/**
 * For the contribution page: whether this contribution came by messenger and, if so, whether its
 * sender is blocked — only for those who may block (`channel:block`); null otherwise.
 */
export async function senderBlockState(viewer: Viewer | null, contributionId: string): Promise<{ blocked: boolean } | null> {
  const origin = await db.channelContribution.findUnique({
    where: { contributionId },
    select: { channelId: true, senderHash: true, contribution: { select: { dialogueId: true } } },
  });
  if (!origin || !can(viewer, "channel:block", await dialogueResource(origin.contribution.dialogueId))) return null;
  const block = await db.channelBlock.findUnique({ where: { channelId_addressHash: { channelId: origin.channelId, addressHash: origin.senderHash } }, select: { channelId: true } });
  return { blocked: block !== null };
}
