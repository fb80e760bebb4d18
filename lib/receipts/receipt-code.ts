import { randomInt } from "node:crypto";
import { CODE_ALPHABET } from "@/lib/auth/sign-in-code";
import { localized, sitePaths } from "@/lib/routes/paths";
import { toAsciiDigits } from "@/lib/text/ascii-digits";

// A receipt code is read off a slip of paper and typed on a phone: 10 characters of the sign-in
// code alphabet (no 0/O, 1/I/L), shown as "K7MQ4-HTPWN", accepted with any case, spaces or
// dashes and digits of any script. 31^10 ≈ 8·10^14 codes: with the lookup limit (20 misses per
// address per 15 minutes) finding any one of even a million receipts takes an address longer
// than a thousand years on average (decision 032).
export const RECEIPT_CODE_LENGTH = 10;

export function generateReceiptCode(): string {
  let code = "";
  for (let i = 0; i < RECEIPT_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** "k7mq4 htpwn" → "K7MQ4HTPWN", or null when it cannot be a receipt code. */
export function normalizeReceiptCode(input: string): string | null {
  const code = toAsciiDigits(input).toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (code.length !== RECEIPT_CODE_LENGTH) return null;
  for (const character of code) if (!CODE_ALPHABET.includes(character)) return null;
  return code;
}

/** "K7MQ4HTPWN" → "K7MQ4-HTPWN": two groups of five, easy to read out. */
export function formatReceiptCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The page a receipt's QR code and address lead to, in the language the person spoke. */
export function receiptPath(locale: string, code: string): string {
  return localized(locale, sitePaths.receipt(formatReceiptCode(code)));
}
