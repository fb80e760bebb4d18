import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Numbers people write from, and the providers' secrets, are stored only as AES-256-GCM
// ciphertext with CHANNEL_ENCRYPTION_KEY (decision 045); a number is found again by an HMAC of
// its normalised form, so no lookup ever needs the plain number in the database.

const VERSION = "v1";

/** A key as CHANNEL_ENCRYPTION_KEY spells it: 64 hex digits or 44 base64 characters (32 bytes). */
export function parseChannelKey(value: string): Buffer {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : /^[A-Za-z0-9+/]{43}=$/.test(value) ? Buffer.from(value, "base64") : null;
  if (bytes?.byteLength !== 32) throw new AppError("INVALID_INPUT", "a channel key is 32 bytes, as 64 hex digits or 44 base64 characters");
  return bytes;
}

function key(): Buffer {
  const value = env().CHANNEL_ENCRYPTION_KEY;
  if (!value) throw new AppError("INVALID_INPUT", "CHANNEL_ENCRYPTION_KEY is not set");
  return parseChannelKey(value);
}

/** Whether channels can be used at all (the key is configured). */
export function channelsConfigured(): boolean {
  return env().CHANNEL_ENCRYPTION_KEY !== undefined;
}

/** "v1.<iv>.<tag>.<ciphertext>", each base64url; a fresh 96-bit IV every time. */
export function encrypt(plain: string, withKey: Buffer = key()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", withKey, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decrypt(sealed: string, withKey: Buffer = key()): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed value");
  const decipher = createDecipheriv("aes-256-gcm", withKey, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** The key addresses are hashed with, derived from a channel key for this use only: it opens nothing. */
export function lookupKey(withKey: Buffer = key()): Buffer {
  return createHmac("sha256", withKey).update("mitreden channel address hash").digest();
}

/** The lookup hash of an address under a lookup key (also a retired one, decision 052). */
export function hashWithLookupKey(address: string, lookup: Buffer): string {
  return createHmac("sha256", lookup).update(address).digest("hex");
}

/** The lookup hash of an address: HMAC-SHA256 (hex) under the channel key's lookup key. */
export function addressHash(address: string, withKey: Buffer = key()): string {
  return hashWithLookupKey(address, lookupKey(withKey));
}
