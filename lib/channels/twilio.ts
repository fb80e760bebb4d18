import "server-only";
import { validateRequest } from "twilio/lib/webhooks/webhooks";
import { env, publicOrigin } from "@/lib/env";
import type { ChannelConfig } from "./channel";
import { readLimited, type SendResult } from "./transport";

// Twilio Programmable Messaging (SMS and WhatsApp, decision 045). Inbound: Twilio POSTs a form to
// our webhook and signs it (X-Twilio-Signature: HMAC-SHA1 of the URL it called and the sorted
// parameters, with the account's auth token); we check it with the official helper library
// against the URL we told Twilio — built from PUBLIC_URL, never from the request, so a request
// replayed to another address is refused. Outbound: the Messages resource of the REST API.

/** The webhook address staff enter at Twilio for this channel. */
export function twilioWebhookUrl(channelId: string): string {
  return `${publicOrigin()}/api/channels/twilio/${channelId}`;
}

/** Whether Twilio signed exactly these parameters for exactly this channel's webhook address. */
export function verifyTwilioSignature(channel: ChannelConfig, signature: string | null, params: Record<string, string>): boolean {
  if (!signature || !channel.secret) return false;
  return validateRequest(channel.secret, signature, twilioWebhookUrl(channel.id), params);
}

function accountBase(channel: ChannelConfig): string {
  return `${env().TWILIO_API_URL}/2010-04-01/Accounts/${encodeURIComponent(channel.accountRef)}`;
}

function basicAuth(channel: ChannelConfig): string {
  return `Basic ${Buffer.from(`${channel.accountRef}:${channel.secret ?? ""}`).toString("base64")}`;
}

/** Sends one text: POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded, basic auth. */
export async function sendTwilio(channel: ChannelConfig, to: string, text: string): Promise<SendResult> {
  const from = to.startsWith("whatsapp:") ? `whatsapp:${channel.number}` : channel.number;
  const response = await fetch(`${accountBase(channel)}/Messages.json`, {
    method: "POST",
    headers: { authorization: basicAuth(channel), "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ To: to, From: from, Body: text }).toString(),
    signal: AbortSignal.timeout(20_000),
  });
  if (response.ok) return "sent";
  const answer = (await response.json().catch(() => ({}))) as { code?: number };
  // 21610: the person sent STOP to Twilio itself; 21211/21614: not a reachable number. Retrying helps nothing.
  if (response.status === 400 && [21610, 21211, 21614].includes(answer.code ?? 0)) return "unreachable";
  throw new Error(`Twilio answered ${response.status}${answer.code ? ` (code ${answer.code})` : ""}`);
}

/**
 * The bytes of a voice note Twilio stored (MediaUrl0). Only Twilio's own media addresses of
 * this account are fetched (the URL comes in a signed request, but we fetch nothing else).
 */
export async function fetchTwilioMedia(channel: ChannelConfig, url: string, maxBytes: number): Promise<Uint8Array | null> {
  if (!url.startsWith(`${accountBase(channel)}/Messages/`)) return null;
  const response = await fetch(url, { headers: { authorization: basicAuth(channel) }, signal: AbortSignal.timeout(20_000) });
  if (!response.ok) throw new Error(`Twilio media answered ${response.status}`);
  return readLimited(response, maxBytes);
}

/** Where a voice note lives at Twilio: the message's and the media's SIDs in its address (MediaUrl0). */
export type TwilioMedia = { messageSid: string; mediaSid: string };

const MEDIA_PATH = /\/2010-04-01\/Accounts\/[A-Za-z0-9]+\/Messages\/([A-Za-z0-9]+)\/Media\/([A-Za-z0-9]+)$/;

/** The SIDs of a media address Twilio gave us, or null when it is not one. */
export function twilioMediaOf(url: string): TwilioMedia | null {
  const match = MEDIA_PATH.exec(url);
  return match ? { messageSid: match[1]!, mediaSid: match[2]! } : null;
}

/**
 * Deletes a voice note Twilio keeps for this account once we no longer need it (decision 045):
 * DELETE /2010-04-01/Accounts/{sid}/Messages/{MessageSid}/Media/{MediaSid}.json, basic auth as every
 * call. 204 deleted; 404 is gone already (a retry after a lost answer). Anything else throws: retried.
 */
export async function deleteTwilioMedia(channel: ChannelConfig, media: TwilioMedia): Promise<"deleted" | "gone"> {
  const response = await fetch(`${accountBase(channel)}/Messages/${encodeURIComponent(media.messageSid)}/Media/${encodeURIComponent(media.mediaSid)}.json`, {
    method: "DELETE",
    headers: { authorization: basicAuth(channel), accept: "application/json" },
    signal: AbortSignal.timeout(20_000),
  });
  await response.body?.cancel();
  if (response.status === 204 || response.ok) return "deleted";
  if (response.status === 404) return "gone";
  throw new Error(`Twilio media deletion answered ${response.status}`);
}
