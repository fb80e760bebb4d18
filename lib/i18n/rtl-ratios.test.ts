// In a right-to-left sentence, "4.5 : 1" is two numbers with a neutral colon between them: the
// bidi algorithm lays them out right to left and the reader sees "1 : 4.5". Every ratio in a
// right-to-left catalogue sits in a left-to-right isolate (U+2066 … U+2069), so it reads as written.
import { describe, expect, it } from "vitest";
import { flattenCatalogue, readCatalogue } from "./catalogue-files";

const RTL = ["ar", "fa", "prs", "ps"] as const;
const NUMBER = String.raw`(?:\{\w+, number\}|[0-9۰-۹٠-٩]+(?:[.٫][0-9۰-۹٠-٩]+)?)`;
const RATIO = new RegExp(`${NUMBER} ?: ?${NUMBER}`, "gu");

describe("ratios in right-to-left catalogues", () => {
  it.each(RTL)("%s: every ratio reads left to right inside an isolate", (locale) => {
    const bare: string[] = [];
    for (const [key, text] of flattenCatalogue(readCatalogue(locale))) {
      for (const match of text.matchAll(RATIO)) {
        const before = text.slice(0, match.index);
        const isolated = before.lastIndexOf("\u2066") > before.lastIndexOf("\u2069") && text.indexOf("\u2069", match.index) !== -1;
        if (!isolated) bare.push(`${key}: ${match[0]}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
