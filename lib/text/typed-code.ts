import { randomInt } from "node:crypto";
import { toAsciiDigits } from "./ascii-digits";

// The codes people copy by hand — sign-in codes, invitation codes, receipt codes — share one
// alphabet without look-alikes (no 0/O, 1/I/L) and one forgiving reading: any case, spaces,
// dashes, dots or underscores, and digits of any script (lib/text/ascii-digits.ts).
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** `length` characters of the alphabet, from the system's cryptographic random source. */
export function randomCode(length: number): string {
  let code = "";
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What someone typed, as the code's bare characters ("k7mq 4htp" → "K7MQ4HTP"), or null when its length is not accepted or a character is not in the alphabet. */
export function readTypedCode(input: string, acceptsLength: (length: number) => boolean): string | null {
  const code = toAsciiDigits(input).toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (!acceptsLength(code.length)) return null;
  for (const character of code) if (!CODE_ALPHABET.includes(character)) return null;
  return code;
}
