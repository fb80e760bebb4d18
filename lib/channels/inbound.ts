import "server-only";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { isAppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/log/logger";
import { consume } from "@/lib/rate-limit";
import { channelAddress } from "./address";
import { loadChannel, type ChannelConfig } from "./channel";
import { findOrCreateContact, isBlocked } from "./contacts";
import { converse, type InboundMedia, type InboundMessage } from "./conversation";
import { addressHash } from "./crypto";
import { carryMarksForward, retiredHashes } from "./retired-keys";
import { receiveSignal } from "./signal";
import { db } from "@/lib/db/client";

// Where every message from a person arrives, whichever provider carried it (decision 045): the
// sender is checked against the moderators' blocklist and the per-number and per-channel limits,
// found (or created) by the HMAC of their number, and the message is queued for the conversation.
// Nothing here answers: the worker does, through sendToContact.

export type Received = { kind: ChannelKind; from: string; text: string; media: InboundMedia[] };

export type Accepted = "queued" | "dropped";

export async function acceptInbound(channel: ChannelConfig, message: Received): Promise<Accepted> {
  if (!channel.enabled) return "dropped";
  const address = channelAddress(message.kind, message.from);
  if (!address) return "dropped";
  const hash = addressHash(address);
  // Known under an earlier key (a rotation, decision 052): a block or sender mark moves to this one now.
  await carryMarksForward(channel.id, hash, await retiredHashes(address));
  if (await isBlocked(channel.id, hash)) return "dropped";
  try {
    await consume("channelInboundPerChannel", channel.id);
    await consume("channelInboundPerNumber", `${channel.id}:${hash}`);
  } catch (error) {
    if (!isAppError(error, "RATE_LIMITED")) throw error;
    logger().warn({ event: "channel.inbound_limited", channelId: channel.id }, "channel message dropped: over the limit");
    return "dropped";
  }
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: channel.municipalityId }, select: { defaultLocale: true } });
  const contact = await findOrCreateContact(channel.id, message.kind, address, municipality.defaultLocale);
  await enqueue(QUEUES.channelInbound, { channelId: channel.id, contactId: contact.id, text: message.text.slice(0, 6000), media: message.media.slice(0, 3) } satisfies ChannelInboundJob);
  return "queued";
}

export type ChannelInboundJob = InboundMessage & { channelId: string };

/** The worker's side: one message through the conversation. */
export async function handleInbound(job: ChannelInboundJob): Promise<{ replies: number }> {
  const channel = await loadChannel(job.channelId);
  if (!channel?.enabled) return { replies: 0 };
  return converse(channel, job);
}

/**
 * The poll of every switched-on Signal channel (GET /v1/receive/{number}, every minute): each
 * direct message with a text or an audio attachment is accepted like a Twilio webhook's.
 */
export async function receiveSignalMessages(): Promise<{ received: number }> {
  const channels = await db.messengerChannel.findMany({ where: { provider: "SIGNAL", enabled: true }, select: { id: true } });
  let received = 0;
  for (const { id } of channels) {
    const channel = await loadChannel(id);
    if (!channel) continue;
    for (const { envelope } of await receiveSignal(channel)) {
      const data = envelope?.dataMessage;
      // Group messages and receipts, typing and sync messages are no one writing to the town.
      if (!envelope || !data || data.groupInfo) continue;
      const from = envelope.sourceNumber ?? envelope.sourceUuid ?? envelope.source;
      if (!from) continue;
      const media: InboundMedia[] = (data.attachments ?? [])
        .filter((attachment) => attachment.id && attachment.contentType?.startsWith("audio/"))
        .map((attachment) => ({ provider: "signal", id: attachment.id!, contentType: attachment.contentType! }));
      if (!data.message && media.length === 0) continue;
      if ((await acceptInbound(channel, { kind: "SIGNAL", from, text: data.message ?? "", media })) === "queued") received += 1;
    }
  }
  return { received };
}
