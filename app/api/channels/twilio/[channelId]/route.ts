import { acceptInbound } from "@/lib/channels/inbound";
import { loadChannel } from "@/lib/channels/channel";
import { verifyTwilioSignature } from "@/lib/channels/twilio";
import type { InboundMedia } from "@/lib/channels/conversation";

// Twilio's webhook for one municipality's SMS / WhatsApp number (decision 045). Refused unless
// Twilio signed exactly these parameters for exactly this address with the channel's auth token;
// an accepted message is queued and answered by the worker, so the answer here is empty TwiML.

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function POST(request: Request, { params }: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await params;
  const channel = UUID.test(channelId) ? await loadChannel(channelId) : null;
  // The same answer for an unknown channel as for a forged signature: nothing to learn here.
  if (!channel || channel.provider !== "TWILIO") return new Response("forbidden", { status: 403 });
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) return new Response("forbidden", { status: 403 });
  const body = await request.text();
  if (body.length > 64 * 1024) return new Response("forbidden", { status: 403 });
  const fields = Object.fromEntries(new URLSearchParams(body));
  if (!verifyTwilioSignature(channel, request.headers.get("x-twilio-signature"), fields)) {
    return new Response("forbidden", { status: 403 });
  }
  // Only messages to this channel's own account and number.
  const to = (fields.To ?? "").replace(/^whatsapp:/, "");
  if (fields.AccountSid !== channel.accountRef || to !== channel.number) return twiml();
  const from = fields.From ?? "";
  const media: InboundMedia[] = [];
  for (let index = 0; index < Math.min(Number(fields.NumMedia ?? 0) || 0, 3); index++) {
    const url = fields[`MediaUrl${index}`];
    const contentType = fields[`MediaContentType${index}`];
    if (url && contentType) media.push({ provider: "twilio", url, contentType });
  }
  await acceptInbound(channel, { kind: from.startsWith("whatsapp:") ? "WHATSAPP" : "SMS", from, text: fields.Body ?? "", media });
  return twiml();
}

function twiml() {
  return new Response(EMPTY_TWIML, { status: 200, headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" } });
}
