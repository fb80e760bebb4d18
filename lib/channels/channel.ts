import "server-only";
import { db } from "@/lib/db/client";
import type { ChannelProvider } from "@/lib/generated/prisma/enums";
import { decrypt } from "./crypto";

/** A channel as its adapters need it: the secret decrypted, in memory only. */
export type ChannelConfig = {
  id: string;
  municipalityId: string;
  provider: ChannelProvider;
  enabled: boolean;
  /** The municipality's number, E.164. */
  number: string;
  /** Twilio: the account SID. Signal: the signal-cli-rest-api base URL. */
  accountRef: string;
  /** Twilio: the auth token. Signal: an optional bearer token for a proxy in front of the API. */
  secret: string | null;
};

export async function loadChannel(channelId: string): Promise<ChannelConfig | null> {
  const row = await db.messengerChannel.findUnique({
    where: { id: channelId },
    select: { id: true, municipalityId: true, provider: true, enabled: true, number: true, accountRef: true, secretEncrypted: true },
  });
  if (!row) return null;
  const { secretEncrypted, ...rest } = row;
  return { ...rest, secret: secretEncrypted ? decrypt(secretEncrypted) : null };
}
