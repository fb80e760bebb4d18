import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator, type IntlError } from "use-intl";
import { describe, expect, it } from "vitest";
import { ContributionKind, ContributionStatus, DialoguePhase, Perspective } from "@/lib/generated/prisma/enums";
import { DEFAULT_THEME_KEYS, DEFAULT_THEME_NAMES_DE } from "@/lib/themes/default-themes";
import { autonym, languageName } from "./language-names";
import { type AppLocale, completeLocales, defaultLocale, direction, locales } from "./routing";

type Catalogue = { [key: string]: string | Catalogue };

const MESSAGES_DIR = path.resolve(import.meta.dirname, "../../messages");
const catalogue = (locale: AppLocale): Catalogue =>
  JSON.parse(readFileSync(path.join(MESSAGES_DIR, `${locale}.json`), "utf8")) as Catalogue;

function flatten(messages: Catalogue, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(name, value);
    else for (const [nested, text] of flatten(value, name)) entries.set(nested, text);
  }
  return entries;
}

// Sentinel values: whatever a message interpolates shows up in its output, so two languages
// can be compared on which arguments they use. Every argument the German catalogue names gets
// a number of its own (numbers also satisfy plural arguments), except a few that select text.
const NAMED: Record<string, string> = { phase: "⟦phase⟧", language: "⟦language⟧", method: "MACHINE" };
const VALUES: Record<string, string | number> = {};
for (const text of flatten(catalogue(defaultLocale)).values()) {
  for (const [, name] of text.matchAll(/\{\s*(\w+)\s*[,}]/g)) {
    if (name) VALUES[name] ??= NAMED[name] ?? 701 + Object.keys(VALUES).length;
  }
}
const SENTINEL = /7\d\d|⟦\w+⟧/g;

function render(locale: AppLocale, messages: Catalogue) {
  const errors: IntlError[] = [];
  const t = createTranslator({ locale, messages, onError: (error) => errors.push(error) }) as unknown as (
    key: string,
    values: Record<string, string | number>,
  ) => string;
  const rendered = new Map([...flatten(messages).keys()].map((key) => [key, t(key, VALUES)]));
  return { rendered, errors };
}

const source = catalogue(defaultLocale);
const sourceKeys = [...flatten(source).keys()].sort();

describe("message catalogues", () => {
  it("exist for every locale, and nothing else sits in messages/ but the record of who drafted and reviewed them", () => {
    const files = readdirSync(MESSAGES_DIR).filter((file) => file.endsWith(".json") && file !== "catalogues.json");
    expect(files.map((file) => file.replace(/\.json$/, "")).sort()).toEqual([...locales].sort());
  });

  it("record for every locale who drafted and who reviewed it (messages/catalogues.json)", () => {
    const record = JSON.parse(readFileSync(path.join(MESSAGES_DIR, "catalogues.json"), "utf8")) as Record<
      string,
      { draftedBy: unknown; reviewedBy: unknown; status: unknown; reviewNotes: unknown }
    >;
    expect(Object.keys(record).sort()).toEqual([...locales].sort());
    for (const [locale, entry] of Object.entries(record)) {
      expect(typeof entry.draftedBy === "string" && entry.draftedBy.length > 0, `${locale}.draftedBy`).toBe(true);
      expect(Array.isArray(entry.reviewedBy), `${locale}.reviewedBy`).toBe(true);
      expect(typeof entry.status === "string" && entry.status.length > 0, `${locale}.status`).toBe(true);
      expect(typeof entry.reviewNotes, `${locale}.reviewNotes`).toBe("string");
    }
  });

  it.each(locales.filter((locale) => locale !== defaultLocale))("%s has no key German lacks", (locale) => {
    for (const key of flatten(catalogue(locale)).keys()) expect(sourceKeys).toContain(key);
  });

  // Every full UI language has every key: a missing one would show German to someone who
  // chose Arabic. Einfache Sprache (de-simple) is deliberately partial: it rewrites the pages
  // participants read, and staff pages fall back to standard German, which its readers know.
  it.each([...completeLocales])("%s is complete", (locale) => {
    const keys = new Set(flatten(catalogue(locale)).keys());
    expect(sourceKeys.filter((key) => !keys.has(key))).toEqual([]);
  });

  it("Einfache Sprache is partial: it rewrites the start page and the accessibility statement", () => {
    const simple = flatten(catalogue("de-simple"));
    const german = flatten(source);
    expect(simple.get("home.intro1")).not.toBe(german.get("home.intro1"));
    expect(simple.get("accessibility.enforcement")).not.toBe(german.get("accessibility.enforcement"));
  });

  it.each([...locales])("%s: every message parses and uses the same arguments as German", (locale) => {
    const german = render(defaultLocale, source).rendered;
    const { rendered, errors } = render(locale, catalogue(locale));
    expect(errors).toEqual([]);
    for (const [key, text] of rendered) {
      expect(text.match(SENTINEL)?.sort() ?? [], key).toEqual(german.get(key)?.match(SENTINEL)?.sort() ?? []);
    }
  });

  it("names every phase, kind, status and perspective, and every default theme", () => {
    const keys = new Set(sourceKeys);
    for (const phase of Object.values(DialoguePhase)) {
      expect(keys).toContain(`phases.${phase}`);
      expect(keys).toContain(`phaseHints.${phase}`);
    }
    for (const kind of Object.values(ContributionKind)) expect(keys).toContain(`kinds.${kind}`);
    for (const status of Object.values(ContributionStatus)) expect(keys).toContain(`statuses.${status}`);
    for (const perspective of Object.values(Perspective)) expect(keys).toContain(`perspectives.${perspective}`);
    for (const theme of DEFAULT_THEME_KEYS) expect(keys).toContain(`themes.${theme}`);
  });

  it("calls the default themes in German what the database's fallback names call them", () => {
    expect(source.themes).toEqual(DEFAULT_THEME_NAMES_DE);
  });
});

describe("direction", () => {
  it.each([
    ["de", "ltr"],
    ["en", "ltr"],
    ["uk", "ltr"],
    ["tr", "ltr"],
    ["ar", "rtl"],
    ["fa", "rtl"],
    ["fa-AF", "rtl"],
    ["ps", "rtl"],
  ] as const)("%s → %s", (locale, expected) => {
    expect(direction(locale)).toBe(expected);
  });
});

describe("language names", () => {
  it("names each UI language in itself", () => {
    expect(autonym("de")).toBe("Deutsch");
    expect(autonym("en")).toBe("English");
    expect(autonym("uk")).toBe("Українська");
    expect(autonym("de-simple")).toBe("Einfache Sprache");
    expect(direction("de-simple")).toBe("ltr");
  });

  it("names a contribution's language in the reader's language, and survives bad tags", () => {
    expect(languageName("ar", "de")).toBe("Arabisch");
    expect(languageName("fa", "en")).toBe("Persian");
    expect(languageName("not a tag", "de")).toBe("not a tag");
  });
});
