// Client components format precompiled messages with icu-minify (lib/i18n/client.tsx) instead
// of next-intl's runtime parser (decision 040). Every message of every catalogue must read the
// same both ways: plural, select, number and plain arguments, in all 14 languages.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { translate, type CompiledMessages } from "@/lib/i18n/client";
import { BASE_CLIENT_NAMESPACES, compiledNamespaces, FORM_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { loadMessages } from "@/lib/i18n/messages";
import { locales } from "@/lib/i18n/routing";

type Raw = { [key: string]: string | Raw };

const ROOT = path.resolve(import.meta.dirname, "../..");

function leaves(messages: Raw, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/** Values for every argument a message names: numbers for plural and number arguments, a select's first branch. */
function sampleValues(message: string, count: number): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [, name = "", type, rest] of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+)\s*(?:,\s*([^{}]*?\{)?)?)?/g)) {
    if (name in values) continue;
    if (type === "plural" || type === "selectordinal" || type === "number") values[name] = count;
    else if (type === "select") values[name] = (rest ?? "").replace(/\{$/, "").trim() || "other";
    else if (type === undefined) values[name] = `«${name}»`;
  }
  return values;
}

describe("client texts", () => {
  const namespaces = Object.keys(JSON.parse(readFileSync(path.join(ROOT, "messages/de.json"), "utf8")) as Raw);
  it.each(locales)("read the same as next-intl's for every message in %s", async (locale) => {
    {
      const raw = (await loadMessages(locale)) as Raw;
      const compiled: CompiledMessages = await compiledNamespaces(locale, namespaces.filter((n) => typeof raw[n] === "object"));
      const server = createTranslator({ locale, messages: raw, timeZone: "Europe/Berlin" }) as unknown as (key: string, values?: object) => string;
      for (const [key, message] of leaves(raw)) {
        if (message.includes("<")) continue; // rich text (tags) is for server components only
        for (const count of [0, 1, 5]) {
          const values = sampleValues(message, count);
          expect(translate(compiled, locale, key, values), `${locale} ${key} ${JSON.stringify(values)}`).toBe(server(key, values));
        }
      }
    }
  });

  it("send the namespaces every page's forms and error page use", async () => {
    const compiled = await compiledNamespaces("ar", [...BASE_CLIENT_NAMESPACES, ...FORM_CLIENT_NAMESPACES]);
    expect(Object.keys(compiled)).toEqual(["error", "validation", "errors", "feedback"]);
    expect(translate(compiled, "ar", "validation.too_short", { minimum: 3 })).toBe(
      (createTranslator({ locale: "ar", messages: await loadMessages("ar") }) as unknown as (k: string, v: object) => string)("validation.too_short", { minimum: 3 }),
    );
  });

  it("are plain data React can hand to client components (no null-prototype objects)", async () => {
    const compiled = await compiledNamespaces("de", BASE_CLIENT_NAMESPACES);
    const plain = (value: unknown): boolean =>
      typeof value !== "object" || value === null || (Array.isArray(value) ? value.every(plain) : Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(plain));
    expect(plain(compiled)).toBe(true);
  });

  it("show the key, not a wrong text, when a namespace was not sent", async () => {
    const compiled = await compiledNamespaces("de", ["feedback"]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(translate(compiled, "de", "post.body")).toBe("post.body");
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("post.body"));
    logged.mockRestore();
  });
});
