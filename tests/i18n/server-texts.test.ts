// The server formats catalogue messages parsed once per language and process (decision 078):
// `lib/i18n/request.ts` hands next-intl icu-minify's compiled catalogue and next.config.js aliases
// next-intl's formatter (`use-intl/format-message`) to its format-only build; `translatorFor`
// formats the same catalogue with icu-minify. Every message of every catalogue must read exactly
// as next-intl's ICU parser (intl-messageformat) made it before: plural, selectordinal, select,
// number and plain arguments, in all 14 languages.
import { createRequire } from "node:module";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { createElement, isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { _createCache, _createIntlFormatters, createFormatter } from "use-intl/core";
import formatWithParser from "use-intl/format-message";
import formatCompiled from "use-intl/format-message/format-only";
import { describe, expect, it } from "vitest";
import compile from "icu-minify/compile";
import { FORMATS } from "@/lib/i18n/dates";
import { formatterFor } from "@/lib/i18n/format";
import { parseIcu, walkIcu } from "@/lib/i18n/icu-text";
import { compileCatalogue, loadCompiledMessages, loadMessages, type CompiledCatalogue } from "@/lib/i18n/messages";
import { type AppLocale, locales } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translator";

type Raw = { [key: string]: string | Raw };
type Values = Record<string, string | number>;

const ROOT = path.resolve(import.meta.dirname, "../..");
const TIME_ZONE = "Europe/Berlin";
/** Counts that reach every plural category of the 14 languages (Arabic: zero, one, two, few, many, other). */
const COUNTS = [0, 1, 2, 3, 11, 100, 1002.5];

function leaves(messages: Raw, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

function at(messages: CompiledCatalogue, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

/**
 * Representative values for a message: one set per count, each with every numeric argument at
 * that count and each select at another of its branches in turn (`other` included), so every
 * branch of every select is read at least once.
 */
function valueSets(message: string): Values[] {
  const nodes = [...walkIcu(parseIcu(message))].map(({ node }) => node);
  const numeric = new Set<string>();
  const selects = new Map<string, string[]>();
  const texts = new Set<string>();
  for (const node of nodes) {
    if (node.type === "plural" || node.type === "selectordinal" || (node.type === "argument" && node.format === "number")) numeric.add(node.name);
    else if (node.type === "select") selects.set(node.name, [...new Set([...(selects.get(node.name) ?? []), ...Object.keys(node.options)])]);
    else if (node.type === "argument") texts.add(node.name);
  }
  if (numeric.size + selects.size + texts.size === 0) return [{}];
  const rounds = Math.max(COUNTS.length, ...[...selects.values()].map((options) => options.length));
  return Array.from({ length: rounds }, (_, round) => {
    const values: Values = {};
    for (const name of texts) values[name] = `«${name}»`;
    for (const [name, options] of selects) values[name] = options[round % options.length]!;
    for (const name of numeric) values[name] = COUNTS[round % COUNTS.length]!;
    return values;
  });
}

/** What next-intl passes its formatter on the server (lib/i18n/request.ts: formats, time zone). */
const options = (locale: string) => ({ cache: _createCache(), formatters: _createIntlFormatters(_createCache()), globalFormats: FORMATS, locale, timeZone: TIME_ZONE });

/** next-intl's formats as intl-messageformat takes them (its `convertFormatsToIntlMessageFormat`). */
const icuFormats = {
  date: Object.fromEntries(Object.entries(FORMATS.dateTime).map(([name, format]) => [name, { timeZone: TIME_ZONE, ...format }])),
  time: Object.fromEntries(Object.entries(FORMATS.dateTime).map(([name, format]) => [name, { timeZone: TIME_ZONE, ...format }])),
};

const text = (node: unknown): string => (typeof node === "string" ? node : renderToStaticMarkup(createElement("span", null, node as ReactNode)));

describe("server texts", () => {
  it("are compiled once per language and process: every request of a language gets the same parsed catalogue", async () => {
    const [first, again] = [await loadCompiledMessages("ar"), await loadCompiledMessages("ar")];
    expect(again).toBe(first);
    // Parsed, not ICU source: a plural is icu-minify's node, a plain text stays a string.
    const source = (await loadMessages("ar")) as Raw as { validation: Raw };
    expect(at(first, "validation.too_short")).toEqual(compile(source.validation.too_short as string));
    expect(Array.isArray(at(first, "validation.too_short"))).toBe(true);
    expect(await loadCompiledMessages("de")).not.toBe(first);
  });

  it("reach next-intl's format-only formatter in the build: next.config.js aliases `use-intl/format-message` for Turbopack and webpack", async () => {
    const { default: nextConfig } = (await import(path.join(ROOT, "next.config.js"))) as { default: (phase: string) => Promise<unknown> };
    const formatOnly = createRequire(import.meta.url).resolve("use-intl/format-message/format-only");
    const config = (await nextConfig("phase-production-build")) as { turbopack: { resolveAlias: Record<string, string> }; webpack: (config: object, context: object) => { resolve: { alias: Record<string, string> } } };
    expect(path.resolve(ROOT, config.turbopack.resolveAlias["use-intl/format-message"]!)).toBe(formatOnly);
    expect(config.webpack({ context: process.cwd(), resolve: { alias: {} }, module: { rules: [] } }, {}).resolve.alias["use-intl/format-message"]).toBe(formatOnly);
  });

  it.each(locales)("read in %s exactly as intl-messageformat reads the catalogue's source, every message with every count and branch", async (locale: AppLocale) => {
    const raw = (await loadMessages(locale)) as Raw;
    const compiled = await loadCompiledMessages(locale);
    const byNamespace = new Map<string, (key: string, values?: Values) => string>();
    const mismatches: string[] = [];
    for (const [key, message] of leaves(raw)) {
      const [namespace = "", ...rest] = key.split(".");
      if (!byNamespace.has(namespace)) byNamespace.set(namespace, await translatorFor(locale, namespace));
      const translate = byNamespace.get(namespace)!;
      for (const values of valueSets(message)) {
        const expected = String(new IntlMessageFormat(message, locale, icuFormats).format(values));
        const parsed = formatWithParser(key, message, values, options(locale));
        const fromCompiled = formatCompiled(key, at(compiled, key) as never, values, options(locale));
        const fromTranslator = translate(rest.join("."), values);
        if (parsed !== expected || fromCompiled !== expected || fromTranslator !== expected)
          mismatches.push(`${key} ${JSON.stringify(values)}: ${JSON.stringify({ expected, parsed, fromCompiled, fromTranslator })}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  // The catalogues hold no date arguments or rich-text tags today (dates go through
  // `format.dateTime`); these messages stand for the ones a catalogue may add.
  const when = new Date("2026-12-06T23:30:00Z"); // already the 7th in Berlin
  const SAMPLES: [string, string, Record<string, unknown>][] = [
    ["de", "Treffen am {when, date, meeting} ({count, plural, one {# Platz} other {# Plätze}} frei)", { when, count: 1 }],
    ["ar", "اللقاء {when, date, meeting}، {count, plural, zero {لا أماكن} one {مكان واحد} two {مكانان} few {# أماكن} many {# مكانًا} other {# مكان}}", { when, count: 11 }],
    ["ar", "{when, date, day} — {when, time, moment}", { when }],
    ["de", "{kind, select, idea {Idee} problem {Problem} other {Beitrag}} von <b>{name}</b>: <link>{title}</link>", { kind: "problem", name: "Aylin", title: "Bänke" }],
    ["ar", "<b>{count, plural, one {تعليق واحد} other {# تعليقات}}</b> على {title}", { count: 3, title: "المقاعد" }],
  ];

  it.each(SAMPLES)("read a date, rich text or both in %s as next-intl's parser: %s", (locale, message, values) => {
    const rich = { b: (chunks: ReactNode) => createElement("b", { key: "b" }, chunks), link: (chunks: ReactNode) => createElement("a", { key: "a", href: "/x" }, chunks) };
    const withTags = { ...values, ...rich } as never;
    const parsed = formatWithParser("sample", message, withTags, options(locale));
    const fromCompiled = formatCompiled("sample", compile(message), withTags, options(locale));
    expect(text(fromCompiled)).toBe(text(parsed));
    expect(text(parsed)).not.toContain("{");
    expect(isValidElement(parsed) || typeof parsed === "string" || Array.isArray(parsed)).toBe(true);
  });

  // icu-minify knows no built-in date and time styles: `{when, time, short}` reads a format named
  // "short" from FORMATS (there is none, so it formats a plain date), where intl-messageformat
  // has its own `short`. A message may therefore only name our formats.
  it("name only our own formats (lib/i18n/dates.ts) where a catalogue message formats a date or time", async () => {
    const named = await Promise.all(
      locales.map(async (locale) =>
        leaves((await loadMessages(locale)) as Raw).flatMap(([key, message]) =>
          [...walkIcu(parseIcu(message))].flatMap(({ node }) => (node.type === "argument" && (node.format === "date" || node.format === "time") ? [`${locale} ${key}: ${message}`] : [])),
        ),
      ),
    );
    const ours = new RegExp(`\\{\\s*\\w+\\s*,\\s*(?:date|time)\\s*,\\s*(?:${Object.keys(FORMATS.dateTime).join("|")})\\s*\\}`);
    expect(named.flat().filter((where) => !ours.test(where))).toEqual([]);
  });

  // Dates and numbers outside messages (`getFormatter`/`useFormatter` of lib/i18n/format.ts): the
  // `Intl` formatters live for the process, the texts stay next-intl's per-request formatter's.
  it.each(locales)("format dates and numbers in %s as next-intl's formatter of a request, with formatters kept for the process", (locale) => {
    const request = createFormatter({ locale, formats: FORMATS, timeZone: TIME_ZONE });
    const names = Object.keys(FORMATS.dateTime) as (keyof typeof FORMATS.dateTime)[];
    const read = (format: typeof request) => [
      ...names.map((name) => format.dateTime(when, name)),
      format.dateTimeRange(when, new Date(when.getTime() + 5_400_000), "meeting"),
      format.number(1234.5),
      format.number(0.42, { style: "percent" }),
    ];
    expect(formatterFor(locale)).toBe(formatterFor(locale));
    expect(read(formatterFor(locale))).toEqual(read(request));
  });

  it("keep a German text where a language has no translation yet, parsed like the rest", async () => {
    const german = (await loadMessages("de")) as Raw;
    const simple = (await loadMessages("de-simple")) as Raw;
    expect(leaves(simple).length).toBe(leaves(german).length);
    expect(compileCatalogue(simple)).toEqual(await loadCompiledMessages("de-simple"));
  });
});
