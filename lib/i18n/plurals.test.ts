// A number beside a counted noun is an ICU plural in every language, with every plural category
// the language has (Arabic: zero, one, two, few, many, other; Ukrainian and Russian: one, few,
// many, other), and the number inside a branch is written `#` so Intl prints it in the locale's
// digits (decision 029).
//
// Which arguments count a noun: every argument that is a plural in any language's version of a
// message (if one language needs the noun to agree, all do), and every argument whose name says
// it is a number (count, total, minimum, maximum, days, minutes, …: NUMERIC_ARGUMENT), unless
// NOT_COUNTING says it stands alone ("3 of 10", "Person 2"); a language may still write those
// as plurals where its own phrasing needs it.
import { describe, expect, it } from "vitest";
import {
  flattenCatalogue,
  NOT_COUNTING,
  NUMERIC_ARGUMENT,
  readCatalogue,
  TEXT_ARGUMENTS,
} from "./catalogue-files";
import { type IcuNode, parseIcu, walkIcu } from "./icu-text";
import { defaultLocale, locales } from "./routing";

const catalogues = new Map(locales.map((locale) => [locale, flattenCatalogue(readCatalogue(locale))] as const));
const trees = new Map(
  locales.map((locale) => [locale, new Map([...(catalogues.get(locale) ?? [])].map(([key, text]) => [key, parseIcu(text)]))]),
);

function countedArguments(key: string): Set<string> {
  const counted = new Set<string>();
  for (const locale of locales) {
    const tree = trees.get(locale)?.get(key);
    if (!tree) continue;
    for (const { node } of walkIcu(tree)) {
      if ((node.type === "plural" || node.type === "selectordinal") && !NOT_COUNTING[key]?.[node.name]) counted.add(node.name);
    }
  }
  const german = trees.get(defaultLocale)?.get(key) ?? [];
  for (const { node } of walkIcu(german)) {
    if (node.type !== "argument" && node.type !== "plural") continue;
    if (!NUMERIC_ARGUMENT.test(node.name) || TEXT_ARGUMENTS[key]?.includes(node.name)) continue;
    if (NOT_COUNTING[key]?.[node.name]) continue;
    counted.add(node.name);
  }
  return counted;
}

function categories(locale: string, type: "plural" | "selectordinal"): string[] {
  return new Intl.PluralRules(locale, { type: type === "plural" ? "cardinal" : "ordinal" }).resolvedOptions()
    .pluralCategories;
}

function problems(locale: string, key: string, tree: IcuNode[]): string[] {
  const found: string[] = [];
  const counted = countedArguments(key);
  for (const { node, enclosing } of walkIcu(tree)) {
    if (node.type === "argument" && counted.has(node.name)) {
      const inOwnPlural = enclosing.some((outer) => outer.type !== "select" && outer.name === node.name);
      found.push(
        inOwnPlural
          ? `${locale} ${key}: writes {${node.name}} inside its own plural branch; write # so Intl prints the number in ${locale}'s digits`
          : `${locale} ${key}: {${node.name}} counts something but is not a plural; write {${node.name}, plural, ${categories(locale, "plural")
              .map((category) => `${category} {…# …}`)
              .join(" ")}} (or add it to NOT_COUNTING in lib/i18n/catalogue-files.ts if the number stands alone)`,
      );
    }
    if (node.type === "plural" || node.type === "selectordinal") {
      const needed = categories(locale, node.type);
      const selectors = Object.keys(node.options);
      const missing = needed.filter((category) => !selectors.includes(category));
      const foreign = selectors.filter((selector) => !selector.startsWith("=") && !needed.includes(selector));
      if (missing.length > 0)
        found.push(
          `${locale} ${key}: {${node.name}, ${node.type}} lacks ${missing.join(", ")} (${locale} has ${needed.join(", ")}; =0 and the like are extra)`,
        );
      if (foreign.length > 0)
        found.push(`${locale} ${key}: {${node.name}, ${node.type}} has ${foreign.join(", ")}, which ${locale} does not use (${needed.join(", ")})`);
    }
  }
  return found;
}

describe("plurals", () => {
  it.each([...locales])("%s: every counted number is a plural with all the language's categories, written #", (locale) => {
    const found = [...(trees.get(locale) ?? [])].flatMap(([key, tree]) => problems(locale, key, tree));
    expect(found).toEqual([]);
  });

  it("catch a number written beside a counted noun without a plural (the Arabic “60 حرف”)", () => {
    const arabic = parseIcu("يُرجى كتابة {maximum} حرف كحدّ أقصى.");
    expect(problems("ar", "validation.too_long", arabic)).toEqual([
      expect.stringContaining("{maximum} counts something but is not a plural"),
    ]);
    const incomplete = parseIcu("{count, plural, one {# غير مقروء} other {# غير مقروءة}}");
    expect(problems("ar", "notifications.headerUnread", incomplete)).toEqual([
      expect.stringContaining("lacks zero, two, few, many"),
    ]);
    const latinDigits = parseIcu("{count, plural, one {{count} مطلب} other {{count} مطلب}}");
    expect(problems("fa", "dialogue.contributionCount", latinDigits)).toEqual([
      expect.stringContaining("write #"),
      expect.stringContaining("write #"),
    ]);
  });

  it("list in NOT_COUNTING only arguments German has", () => {
    const german = trees.get(defaultLocale) ?? new Map<string, IcuNode[]>();
    const stale = Object.entries(NOT_COUNTING).flatMap(([key, names]) =>
      Object.keys(names)
        .filter((name) => ![...walkIcu(german.get(key) ?? [])].some(({ node }) => "name" in node && node.name === name))
        .map((name) => `${key}: ${name}`),
    );
    expect(stale).toEqual([]);
  });
});
