import { localized, sitePaths, type Path } from "@/lib/routes/paths";
import { randomCode, readTypedCode } from "@/lib/text/typed-code";

// A receipt code is read off a slip of paper and typed on a phone: 10 characters of the sign-in
// code alphabet (no 0/O, 1/I/L), shown as "K7MQ4-HTPWN", accepted with any case, spaces or
// dashes and digits of any script. 31^10 ≈ 8·10^14 codes: with the lookup limit (20 misses per
// address per 15 minutes) finding any one of even a million receipts takes an address longer
// than a thousand years on average (decision 032).
export const RECEIPT_CODE_LENGTH = 10;

export function generateReceiptCode(): string {
  return randomCode(RECEIPT_CODE_LENGTH);
}

/** "k7mq4 htpwn" → "K7MQ4HTPWN", or null when it cannot be a receipt code. */
export function normalizeReceiptCode(input: string): string | null {
  return readTypedCode(input, (length) => length === RECEIPT_CODE_LENGTH);
}

/** "K7MQ4HTPWN" → "K7MQ4-HTPWN": two groups of five, easy to read out. */
export function formatReceiptCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The page a receipt's QR code and address lead to, in the language the person spoke. */
export function receiptPath(locale: string, code: string): Path {
  return localized(locale, sitePaths.receipt(formatReceiptCode(code)));
}
