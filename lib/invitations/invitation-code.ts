import { randomInt } from "node:crypto";
import { CODE_ALPHABET } from "@/lib/auth/sign-in-code";
import { toAsciiDigits } from "@/lib/text/ascii-digits";

// Invitation codes are read out at meetings and typed from posters: 8 characters without
// look-alikes, shown as "K7MQ-4HTP", accepted with any case, spaces or dashes, and
// digits of any script (lib/text/ascii-digits.ts).
const LENGTH = 8;

export function generateInvitationCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function normalizeInvitationCode(input: string): string | null {
  const code = toAsciiDigits(input).toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (code.length < 6 || code.length > 16) return null;
  for (const character of code) if (!CODE_ALPHABET.includes(character)) return null;
  return code;
}

export function formatInvitationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}
