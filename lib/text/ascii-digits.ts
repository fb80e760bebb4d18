// Phone keyboards in Arabic, Persian/Dari, Hindi and East Asian layouts type their own digits
// (٣, ۳, ३, ３): a code read off a poster or a slip of paper must be accepted however it was typed.

const DIGIT = /\p{Nd}/u;

/**
 * The text with compatibility forms folded (NFKC: full-width letters, digits and dashes become
 * ASCII) and every decimal digit of any script (Unicode category Nd) written as 0–9.
 */
export function toAsciiDigits(input: string): string {
  return input.normalize("NFKC").replace(/\p{Nd}/gu, (digit) => (digit >= "0" && digit <= "9" ? digit : String(digitValue(digit))));
}

// Unicode keeps each script's digits as a contiguous run that starts with its zero (runs of
// several scripts may touch, always in whole tens): a digit's value is its distance from the
// start of the run, modulo ten.
function digitValue(digit: string): number {
  let codePoint = digit.codePointAt(0)!;
  let value = 0;
  while (DIGIT.test(String.fromCodePoint(codePoint - 1))) {
    codePoint -= 1;
    value += 1;
  }
  return value % 10;
}
