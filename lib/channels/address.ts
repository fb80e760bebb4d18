import type { ChannelKind } from "@/lib/generated/prisma/enums";

// How a sender's address is written before it is hashed or encrypted: one form per person and
// channel kind, so "+49 151 2345-678", "0049151…" and Twilio's "whatsapp:+49151…" meet.

/** E.164 ("+4915123456789"), or null when `raw` is no phone number. */
export function normalisePhone(raw: string): string | null {
  let value = raw.trim().replace(/^(whatsapp|sms|tel):/i, "").replace(/[\s\-().\u00a0]/g, "");
  if (value.startsWith("00")) value = `+${value.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(value) ? value : null;
}

/** A Signal account without a number shown to us is named by its UUID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The address to hash and store: "<kind>:<E.164 or Signal UUID>", or null when unusable. */
export function channelAddress(kind: ChannelKind, raw: string): string | null {
  if (kind === "SIGNAL" && UUID.test(raw.trim())) return `signal:${raw.trim().toLowerCase()}`;
  const phone = normalisePhone(raw);
  return phone ? `${kind.toLowerCase()}:${phone}` : null;
}

/** The address as the provider wants it: Twilio "whatsapp:+49…" / "+49…", Signal "+49…" or its UUID. */
export function providerAddress(address: string): string {
  const [kind, rest] = [address.slice(0, address.indexOf(":")), address.slice(address.indexOf(":") + 1)];
  return kind === "whatsapp" ? `whatsapp:${rest}` : rest;
}
