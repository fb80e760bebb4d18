import "server-only";
import type { ChannelConfig } from "./channel";
import { readLimited, type SendResult } from "./transport";

// A self-hosted signal-cli-rest-api (bbernhard/signal-cli-rest-api, decision 045), in its normal
// mode: we send with POST /v2/send and fetch what arrived with GET /v1/receive/{number}, polled by
// a job every minute (lib/jobs) — no webhook, the API is inside the operator's network. Its base
// URL is the channel's `accountRef`; an optional bearer token is for a proxy in front of it.

function headers(channel: ChannelConfig, json = false): Record<string, string> {
  return {
    ...(channel.secret ? { authorization: `Bearer ${channel.secret}` } : {}),
    ...(json ? { "content-type": "application/json" } : {}),
    accept: "application/json",
  };
}

const base = (channel: ChannelConfig) => channel.accountRef.replace(/\/+$/, "");

export async function sendSignal(channel: ChannelConfig, to: string, text: string): Promise<SendResult> {
  const response = await fetch(`${base(channel)}/v2/send`, {
    method: "POST",
    headers: headers(channel, true),
    body: JSON.stringify({ message: text, number: channel.number, recipients: [to] }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.ok) return "sent";
  throw new Error(`signal-cli-rest-api answered ${response.status}`);
}

/** One message as signal-cli-rest-api delivers it (only what we read of its envelope). */
export type SignalEnvelope = {
  envelope?: {
    source?: string;
    sourceNumber?: string | null;
    sourceUuid?: string | null;
    timestamp?: number;
    dataMessage?: {
      message?: string | null;
      groupInfo?: unknown;
      attachments?: { id?: string; contentType?: string; size?: number }[] | null;
    } | null;
  };
};

/** What arrived since the last call (signal-cli hands each message out once). */
export async function receiveSignal(channel: ChannelConfig): Promise<SignalEnvelope[]> {
  const response = await fetch(`${base(channel)}/v1/receive/${encodeURIComponent(channel.number)}`, {
    headers: headers(channel),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`signal-cli-rest-api answered ${response.status}`);
  const body = (await response.json()) as unknown;
  return Array.isArray(body) ? (body as SignalEnvelope[]) : [];
}

/** An attachment's bytes (GET /v1/attachments/{id}); ids are signal-cli's file names. */
export async function fetchSignalAttachment(channel: ChannelConfig, id: string, maxBytes: number): Promise<Uint8Array | null> {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(id) || id.startsWith(".")) return null;
  const response = await fetch(`${base(channel)}/v1/attachments/${encodeURIComponent(id)}`, { headers: headers(channel), signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`signal-cli-rest-api answered ${response.status}`);
  return readLimited(response, maxBytes);
}
