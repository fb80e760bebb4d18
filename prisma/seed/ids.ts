import { randomBytes } from "node:crypto";

/**
 * A UUIDv7 (RFC 9562) for a row created at `at`. The seed makes its own ids, rather than
 * leaving them to Prisma, so it can link rows before inserting them with `createMany`, and so
 * that ids of back-dated rows sort like their `createdAt`, as real ones do.
 */
export function uuidv7(at: Date): string {
  const bytes = randomBytes(16);
  let ms = at.getTime();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
