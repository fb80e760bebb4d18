import { randomCode, readTypedCode } from "@/lib/text/typed-code";

// Invitation codes are read out at meetings and typed from posters: 8 characters without
// look-alikes, shown as "K7MQ-4HTP", accepted with any case, spaces or dashes, and
// digits of any script (lib/text/ascii-digits.ts).
const LENGTH = 8;

export function generateInvitationCode(): string {
  return randomCode(LENGTH);
}

export function normalizeInvitationCode(input: string): string | null {
  return readTypedCode(input, (length) => length >= 6 && length <= 16);
}

export function formatInvitationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}
