// The codes people copy by hand share one alphabet and one forgiving reading (lib/text/typed-code.ts).
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, randomCode, readTypedCode } from "@/lib/text/typed-code";

describe("typed codes", () => {
  it.each(["0", "O", "1", "I", "L"])("the alphabet has no look-alike %s", (lookAlike) => {
    expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it("random codes have the length asked for, from the alphabet only", () => {
    const code = randomCode(40);
    expect(code).toHaveLength(40);
    expect([...code].every((character) => CODE_ALPHABET.includes(character))).toBe(true);
  });

  it.each([
    ["k7mq 4htp", "K7MQ4HTP"],
    ["K7MQ-4HTP", "K7MQ4HTP"],
    ["k7mq.4htp", "K7MQ4HTP"],
    ["K۷MQ_۴HTP", "K7MQ4HTP"],
  ])("reads %s as %s", (typed, read) => {
    expect(readTypedCode(typed, (length) => length === 8)).toBe(read);
  });

  it.each([
    ["a length the caller does not accept", "K7MQ4HT"],
    ["a look-alike", "K7MQ4HT0"],
    ["a character outside the alphabet", "K7MQ4HT!"],
  ])("refuses %s", (_case, typed) => {
    expect(readTypedCode(typed, (length) => length === 8)).toBeNull();
  });
});
