import "server-only";
import { db } from "@/lib/db/client";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { isAppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/log/logger";
import { consume } from "@/lib/rate-limit";
import { providerAddress } from "./address";
import { loadChannel, type ChannelConfig } from "./channel";
import { decrypt } from "./crypto";
import { sendSignal } from "./signal";
import type { SendResult } from "./transport";
import { sendTwilio } from "./twilio";

// THE way anything is sent to a person who wrote in by SMS / WhatsApp / Signal (decision 045):
// `sendToContact` queues it; the worker decrypts the number only to hand it to the provider.
// A job names the contact, never the number (an already encrypted address only for the last
// message after STOP, when the contact is gone).

type Client = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

export type ChannelSendJob =
  | { contactId: string; text: string }
  /** The goodbye after STOP: the contact is deleted, the sealed address travels in the job alone. */
  | { channelId: string; kind: ChannelKind; addressEncrypted: string; text: string };

/**
 * Sends `text` to the contact through their channel, through the job queue: part of `tx` when
 * given (the message exists exactly when the transaction commits). Dropped by the worker when
 * the person sent STOP meanwhile, the channel was switched off, or the contact's daily limit
 * (`channelSendPerContact`) is used up.
 */
export async function sendToContact(contactId: string, text: string, options: { tx?: Client } = {}): Promise<void> {
  await enqueue(QUEUES.channelSend, { contactId, text } satisfies ChannelSendJob, options);
}

/** Queues the goodbye after STOP to an address whose contact is being deleted. */
export async function sendToSealedAddress(channelId: string, kind: ChannelKind, addressEncrypted: string, text: string, options: { tx?: Client } = {}): Promise<void> {
  await enqueue(QUEUES.channelSend, { channelId, kind, addressEncrypted, text } satisfies ChannelSendJob, options);
}

export async function sendThrough(channel: ChannelConfig, address: string, text: string): Promise<SendResult> {
  const to = providerAddress(address);
  return channel.provider === "TWILIO" ? sendTwilio(channel, to, text) : sendSignal(channel, to, text);
}

/** The worker's side: one message to one person; throws to be retried. */
export async function deliverChannelMessage(job: ChannelSendJob): Promise<{ sent: number; dropped: number }> {
  let channelId: string;
  let addressEncrypted: string;
  if ("contactId" in job) {
    const contact = await db.channelContact.findUnique({ where: { id: job.contactId }, select: { channelId: true, addressEncrypted: true } });
    if (!contact) return { sent: 0, dropped: 1 };
    try {
      await consume("channelSendPerContact", job.contactId);
    } catch (error) {
      if (!isAppError(error, "RATE_LIMITED")) throw error;
      logger().warn({ event: "channel.send_limited" }, "channel message dropped: the contact's daily limit is used up");
      return { sent: 0, dropped: 1 };
    }
    ({ channelId, addressEncrypted } = contact);
  } else {
    ({ channelId, addressEncrypted } = job);
  }
  const channel = await loadChannel(channelId);
  if (!channel?.enabled) return { sent: 0, dropped: 1 };
  const result = await sendThrough(channel, decrypt(addressEncrypted), job.text);
  return result === "sent" ? { sent: 1, dropped: 0 } : { sent: 0, dropped: 1 };
}
