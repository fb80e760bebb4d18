import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isHttpsOrPrivate } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { normalisePhone } from "./address";
import { channelsConfigured, encrypt } from "./crypto";
import { twilioWebhookUrl } from "./twilio";

// Staff connect the municipality's number (decision 045): provider, number, account and secret,
// on or off. The secret is sealed at once and never shown again; an empty secret field keeps
// the saved one.

export const saveChannelInput = z
  .object({
    municipalityId: z.uuid(),
    provider: z.enum(["TWILIO", "SIGNAL"]),
    number: z.string().trim().max(40),
    accountRef: z.string().trim().max(300),
    secret: z.string().trim().max(500).optional(),
    enabled: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    if (!normalisePhone(value.number)) context.addIssue({ code: "custom", path: ["number"], message: "messengerSettings.numberInvalid" });
    if (value.provider === "TWILIO" && !/^AC[0-9a-f]{32}$/.test(value.accountRef)) {
      context.addIssue({ code: "custom", path: ["accountRef"], message: "messengerSettings.accountSidInvalid" });
    }
    if (value.provider === "SIGNAL" && !(URL.canParse(value.accountRef) && /^https?:$/.test(new URL(value.accountRef).protocol) && isHttpsOrPrivate(value.accountRef))) {
      context.addIssue({ code: "custom", path: ["accountRef"], message: "messengerSettings.apiUrlInvalid" });
    }
  });

export async function saveChannel(viewer: Viewer | null, input: z.input<typeof saveChannelInput>): Promise<void> {
  const data = parseInput(saveChannelInput, input);
  authorize(viewer, "channel:manage", { municipalityId: data.municipalityId });
  if (!channelsConfigured()) throw new AppError("INVALID_INPUT", "no CHANNEL_ENCRYPTION_KEY", { fieldErrors: { number: [{ key: "messengerSettings.noKey" }] } });
  const existing = await db.messengerChannel.findUnique({
    where: { municipalityId_provider: { municipalityId: data.municipalityId, provider: data.provider } },
    select: { secretEncrypted: true },
  });
  const secretEncrypted = data.secret ? encrypt(data.secret) : (existing?.secretEncrypted ?? null);
  if (data.provider === "TWILIO" && !secretEncrypted) {
    throw new AppError("INVALID_INPUT", "auth token required", { fieldErrors: { secret: [{ key: "validation.required" }] } });
  }
  const fields = { number: normalisePhone(data.number)!, accountRef: data.accountRef.replace(/\/+$/, ""), secretEncrypted, enabled: data.enabled };
  await db.messengerChannel.upsert({
    where: { municipalityId_provider: { municipalityId: data.municipalityId, provider: data.provider } },
    create: { municipalityId: data.municipalityId, provider: data.provider, ...fields },
    update: fields,
  });
}

/** The municipality's channels for its staff: never a secret, only whether one is saved. */
export async function getChannelSettings(viewer: Viewer | null, municipalityId: string) {
  authorize(viewer, "channel:manage", { municipalityId });
  const rows = await db.messengerChannel.findMany({
    where: { municipalityId },
    select: { id: true, provider: true, enabled: true, number: true, accountRef: true, secretEncrypted: true, _count: { select: { contacts: true } } },
  });
  const byProvider = (provider: "TWILIO" | "SIGNAL") => {
    const row = rows.find((candidate) => candidate.provider === provider);
    return row
      ? { id: row.id, enabled: row.enabled, number: row.number, accountRef: row.accountRef, hasSecret: row.secretEncrypted !== null, contacts: row._count.contacts, webhookUrl: provider === "TWILIO" ? twilioWebhookUrl(row.id) : null }
      : null;
  };
  return { keyConfigured: channelsConfigured(), twilio: byProvider("TWILIO"), signal: byProvider("SIGNAL") };
}
