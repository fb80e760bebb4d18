// Sign-in codes are kept on paper or as a photo and typed back on a cheap phone: no look-alike
// characters, forgiving about case, spaces and dashes, and stored only as an argon2 hash.
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET } from "@/lib/text/typed-code";
import {
  generateSignInCode,
  handleOf,
  hashSignInCode,
  normalizeSignInCode,
  verifySignInCode,
} from "@/lib/auth/sign-in-code";

describe("generateSignInCode", () => {
  it("makes three groups of four characters from the alphabet without look-alikes", () => {
    const generated = Array.from({ length: 200 }, () => generateSignInCode());
    const wellFormed = ({ code, handle }: (typeof generated)[number]) =>
      /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(code) && handle === code.slice(0, 4);
    expect(generated.filter((sample) => !wellFormed(sample))).toEqual([]);
  });

  it.each(["0", "O", "1", "I", "L"])("has no %s in its alphabet (a look-alike)", (lookAlike) => {
    expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it("does not repeat itself", () => {
    const codes = new Set(Array.from({ length: 500 }, () => generateSignInCode().code));
    expect(codes.size).toBe(500);
  });

  it("is taken back unchanged by normalizeSignInCode", () => {
    const { code } = generateSignInCode();
    expect(normalizeSignInCode(code)).toBe(code);
  });
});

describe("normalizeSignInCode", () => {
  it.each([
    ["lower case", "k7mq-4htp-wn3a"],
    ["spaces instead of dashes", "K7MQ 4HTP WN3A"],
    ["no separators", "K7MQ4HTPWN3A"],
    ["surrounding and doubled spaces", "  k7mq  4htp   wn3a "],
    ["en and em dashes from a word processor", "K7MQ–4HTP—WN3A"],
    ["dots and underscores", "K7MQ.4HTP_WN3A"],
  ])("forgives %s", (_how, typed) => {
    expect(normalizeSignInCode(typed)).toBe("K7MQ-4HTP-WN3A");
  });

  it.each([
    ["an O (letter) for a 0", "K7MO-4HTP-WN3A"],
    ["a 0 (zero)", "K7M0-4HTP-WN3A"],
    ["a 1 (one)", "K7M1-4HTP-WN3A"],
    ["an I", "K7MI-4HTP-WN3A"],
    ["an L", "K7ML-4HTP-WN3A"],
    ["a letter outside A–Z", "K7MÄ-4HTP-WN3A"],
    ["one character too few", "K7MQ-4HTP-WN3"],
    ["one character too many", "K7MQ-4HTP-WN3AB"],
    ["only the handle", "K7MQ"],
    ["nothing but separators", " - - "],
  ])("refuses a code with %s", (_what, typed) => {
    expect(normalizeSignInCode(typed)).toBeNull();
  });
});

describe("handleOf", () => {
  it("is the first group of the normalized code", () => {
    expect(handleOf("K7MQ-4HTP-WN3A")).toBe("K7MQ");
  });
});

describe("hashSignInCode / verifySignInCode", () => {
  it("stores an argon2 hash that verifies the code and nothing else", async () => {
    const { code } = generateSignInCode();
    const stored = await hashSignInCode(code);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replaceAll("-", ""));
    expect(await verifySignInCode(stored, code)).toBe(true);

    const other = code.slice(0, -1) + (code.endsWith("2") ? "3" : "2");
    expect(await verifySignInCode(stored, other)).toBe(false);
  });

  it("salts each hash: the same code hashes differently twice", async () => {
    const { code } = generateSignInCode();
    expect(await hashSignInCode(code)).not.toBe(await hashSignInCode(code));
  });
});
