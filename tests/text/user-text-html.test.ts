// The one place user text becomes HTML (lib/text/user-text-html.ts), fed the whole hostile
// corpus in both formats: only the allowed elements and attributes come out, links only to
// http(s) and mailto, and plain text reads exactly as typed. (Rendering on real pages, with
// script and CSP hooks: e2e/hostile-input.spec.ts.)
import { describe, expect, it } from "vitest";
import { userTextHtml } from "@/lib/text/user-text-html";
import { HOSTILE_INPUT } from "@/tests/support/hostile-input";

const ALLOWED: Record<string, string[]> = { p: [], br: [], em: [], strong: [], ul: [], ol: ["start"], li: [], a: ["href", "rel"] };

function elementsOf(html: string) {
  return [...html.matchAll(/<\/?([a-zA-Z0-9-]+)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)].map(([, tag, attributes]) => ({
    tag: tag!.toLowerCase(),
    attributes: [...(attributes ?? "").matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map(([, name, value]) => ({ name: name!, value: value ?? "" })),
  }));
}

const unescape = (text: string) =>
  text.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, entity: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&" })[entity]!);

describe.each(["plain", "markdown"] as const)("%s", (format) => {
  it.each(HOSTILE_INPUT)("$name: only allowed markup, only safe links", ({ text }) => {
    const html = userTextHtml(text, format);
    // Every "<" left in the output starts one of our elements; the user's own are escaped.
    expect(html.replace(/<\/?([a-zA-Z0-9-]+)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g, "")).not.toContain("<");
    for (const { tag, attributes } of elementsOf(html)) {
      expect(Object.keys(ALLOWED), `<${tag}>`).toContain(tag);
      for (const { name, value } of attributes) {
        expect(ALLOWED[tag], `<${tag} ${name}>`).toContain(name);
        if (name === "href") expect(unescape(value)).toMatch(/^(https?:\/\/|mailto:)/i);
      }
    }
    if (format === "plain") {
      // Exactly as typed: the text without our elements is the input.
      expect(unescape(html.replace(/<[^>]+>/g, ""))).toBe(text);
    }
  });
});
