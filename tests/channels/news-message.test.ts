// A message of news fits what the provider takes (Twilio refuses more than 1,600 characters and
// does not split): quotes give way first, then whole contributions, counted into "and N more".
import { describe, expect, it } from "vitest";
import { fitMessage, MESSAGE_MAX } from "@/lib/channels/news";

const quote = (word: string) => `– ${word.repeat(299)}`;
const item = (name: string, quotes: number) => ({
  lines: [`• New comments on «${name}»`, ...Array.from({ length: quotes }, (_, index) => quote(String(index)))],
  readAll: `Read everything with your receipt ${name}:\nhttps://mitreden.example/en/r/${name}`,
});
const message = (items: ReturnType<typeof item>[], untold = 0) =>
  fitMessage({ intro: "News about what you sent us:", items, untold, more: (count) => `And ${count} more on your receipt's page.`, footer: "Send NOW to get each answer at once. STOP ends all messages." });

describe("a message of news", () => {
  it("stays as it is when it fits", () => {
    const text = message([item("A", 2)]);
    expect(text).toContain(quote("0"));
    expect(text).toContain(quote("1"));
    expect(text).not.toContain("more on your receipt's page");
  });

  it("drops the quotes of the last contributions first, keeping every sentence, receipt and the footer", () => {
    const text = message([item("A", 3), item("B", 3)]);
    expect(text.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(text).toContain("• New comments on «A»");
    expect(text).toContain("• New comments on «B»");
    expect(text).toContain("https://mitreden.example/en/r/B");
    expect(text.endsWith("STOP ends all messages.")).toBe(true);
    // B's quotes went, A's stayed.
    expect(text.split(quote("0")).length - 1).toBe(1);
    expect(text.indexOf(quote("0"))).toBeLessThan(text.indexOf("• New comments on «B»"));
  });

  it("then leaves whole contributions to the receipt's page and counts them as more", () => {
    const many = Array.from({ length: 30 }, (_, index) => item(`X${index}`.padEnd(60, "x"), 1));
    const text = message(many, 2);
    expect(text.length).toBeLessThanOrEqual(MESSAGE_MAX);
    const shown = (text.match(/• New comments/g) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(30);
    expect(text).toContain(`And ${30 - shown + 2} more on your receipt's page.`);
    expect(text.endsWith("STOP ends all messages.")).toBe(true);
  });
});
