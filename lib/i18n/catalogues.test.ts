import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator, type IntlError } from "use-intl";
import { describe, expect, it } from "vitest";
import { ContributionKind, ContributionStatus, DialoguePhase, Perspective } from "@/lib/generated/prisma/enums";
import { DEFAULT_THEME_KEYS, DEFAULT_THEME_NAMES_DE } from "@/lib/themes/default-themes";
import { NUMERIC_ARGUMENT, TEXT_ARGUMENTS } from "./catalogue-files";
import { parseIcu, walkIcu } from "./icu-text";
import { autonym, languageName } from "./language-names";
import { isParticipantKey, PARTICIPANT_MESSAGES, SAME_AS_GERMAN } from "./participant-namespaces";
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
// can be compared on which arguments they use. Every numeric argument the German catalogue names
// (NUMERIC_ARGUMENT, or a plural in German) gets a number of its own, 701, 702, …; every other
// argument a text ⟦name⟧, except `method`, which selects a branch. Numbers are printed by Intl in
// the locale's own digits (Persian ۷۰۱), so the sentinel is read back through the locale's digits:
// a `{count}` that prints Latin 701 inside a Persian sentence is caught by the digit test below.
const NAMED: Record<string, string> = { method: "MACHINE" };
const NUMBERS = new Map<string, number>();
const germanTrees = new Map([...flatten(catalogue(defaultLocale))].map(([key, text]) => [key, parseIcu(text)]));
const valuesByKey = new Map<string, Record<string, string | number>>();
for (const [key, tree] of germanTrees) {
  const values: Record<string, string | number> = {};
  for (const { node } of walkIcu(tree)) {
    if (node.type === "pound" || node.type === "text") continue;
    const numeric =
      node.type === "plural" ||
      node.type === "selectordinal" ||
      (NUMERIC_ARGUMENT.test(node.name) && !TEXT_ARGUMENTS[key]?.includes(node.name));
    if (numeric && !NUMBERS.has(node.name)) NUMBERS.set(node.name, 701 + NUMBERS.size);
    values[node.name] ??= numeric ? (NUMBERS.get(node.name) as number) : (NAMED[node.name] ?? `⟦${node.name}⟧`);
  }
  valuesByKey.set(key, values);
}
const SENTINEL = /7\d\d|⟦\w+⟧/g;

const DIGITS: Record<string, string> = { latn: "0123456789", arab: "٠١٢٣٤٥٦٧٨٩", arabext: "۰۱۲۳۴۵۶۷۸۹" };
const ANY_DIGIT = new RegExp(`[${Object.values(DIGITS).join("")}]`, "gu");
/** The digits Intl writes numbers with in this locale: Latin for Arabic (CLDR), Persian for fa. */
function digitsOf(locale: string): string {
  const system = new Intl.NumberFormat(locale).resolvedOptions().numberingSystem;
  const digits = DIGITS[system];
  if (!digits) throw new Error(`${locale} writes numbers in ${system}, which this test does not know yet`);
  return digits;
}
const toLatinDigits = (text: string) =>
  text.replace(ANY_DIGIT, (digit) => String(Object.values(DIGITS).find((set) => set.includes(digit))?.indexOf(digit)));

function render(locale: AppLocale, messages: Catalogue) {
  const errors: IntlError[] = [];
  const t = createTranslator({ locale, messages, onError: (error) => errors.push(error) }) as unknown as (
    key: string,
    values: Record<string, string | number>,
  ) => string;
  const rendered = new Map([...flatten(messages).keys()].map((key) => [key, t(key, valuesByKey.get(key) ?? {})]));
  return { rendered, errors };
}

const source = catalogue(defaultLocale);
const sourceKeys = [...flatten(source).keys()].sort();


const ROOT = path.resolve(import.meta.dirname, "../..");

/** Splits a list's text at its top-level commas (not inside brackets, braces or parentheses). */
function topLevelItems(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < list.length; index++) {
    const char = list[index]!;
    if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (char === "," && depth === 0) {
      items.push(list.slice(start, index));
      start = index + 1;
    }
  }
  items.push(list.slice(start));
  return items.map((item) => item.trim()).filter(Boolean);
}

/**
 * The catalogue keys a source file reads with literal keys: translators bound by
 * `const t = await getTranslations("ns")` / `useTranslations("ns")` / `usePollTexts()`, or by
 * `const [t, tr] = await Promise.all([getTranslations("a"), getTranslations("b")])`, then called
 * as `t("key")`. Keys built at run time (`t(\`status.${…}\`)`) are not seen.
 */
function literalKeysOf(file: string): string[] {
  const code = readFileSync(path.join(ROOT, file), "utf8");
  const namespaceOf = new Map<string, string>();
  for (const [, name, namespace] of code.matchAll(/const (\w+) = (?:await )?(?:getTranslations|useTranslations)\("([\w.]+)"\)/g)) namespaceOf.set(name!, namespace!);
  for (const [, name] of code.matchAll(/const (\w+) = usePollTexts\(\)/g)) namespaceOf.set(name!, "polls");
  for (const [, names, calls] of code.matchAll(/const \[([^\]]+)\] = await Promise\.all\(\[([\s\S]*?)\]\);/g)) {
    const bound = names!.split(",").map((name) => name.trim());
    topLevelItems(calls!).forEach((call, index) => {
      const namespace = /^getTranslations\("([\w.]+)"\)$/.exec(call)?.[1];
      if (namespace && bound[index]) namespaceOf.set(bound[index], namespace);
    });
  }
  const keys = [...code.matchAll(/getTranslations\("([\w.]+)"\)\)\("([\w.]+)"/g)].map(([, namespace, key]) => `${namespace}.${key}`);
  for (const [name, namespace] of namespaceOf) {
    for (const [, key] of code.matchAll(new RegExp(`(?<![\\w.])${name}\\(\\s*"([\\w.]+)"`, "g"))) keys.push(`${namespace}.${key}`);
  }
  return [...new Set(keys)].sort();
}

describe("message catalogues", () => {
  it("exist for every locale, and nothing else sits in messages/ but the record of who drafted and reviewed them", () => {
    const files = readdirSync(MESSAGES_DIR).filter((file) => file.endsWith(".json") && file !== "catalogues.json");
    expect(files.map((file) => file.replace(/\.json$/, "")).sort()).toEqual([...locales].sort());
  });

  const record = JSON.parse(readFileSync(path.join(MESSAGES_DIR, "catalogues.json"), "utf8")) as Record<
    string,
    { draftedBy: unknown; reviewedBy: unknown; status: unknown; reviewNotes: unknown; readByNativeSpeakers: unknown }
  >;
  it("record every locale, and only those (messages/catalogues.json)", () => {
    expect(Object.keys(record).sort()).toEqual([...locales].sort());
  });

  it.each(Object.keys(record))("record for %s who drafted and who reviewed it", (locale) => {
    const entry = record[locale]!;
    expect(typeof entry.draftedBy === "string" && entry.draftedBy.length > 0, "draftedBy").toBe(true);
    expect(Array.isArray(entry.reviewedBy), "reviewedBy").toBe(true);
    expect(typeof entry.status === "string" && entry.status.length > 0, "status").toBe(true);
    expect(typeof entry.reviewNotes, "reviewNotes").toBe("string");
    // The accessibility statement lists the languages still waiting for native speakers.
    expect(typeof entry.readByNativeSpeakers, "readByNativeSpeakers").toBe("boolean");
  });

  it.each(locales.filter((locale) => locale !== defaultLocale))("%s has no key German lacks", (locale) => {
    for (const key of flatten(catalogue(locale)).keys()) expect(sourceKeys).toContain(key);
  });

  // Every full UI language has every key: a missing one would show German to someone who
  // chose Arabic. Einfache Sprache (de-simple) covers every page a participant sees
  // (lib/i18n/participant-namespaces.ts); staff pages fall back to standard German.
  it.each([...completeLocales])("%s is complete", (locale) => {
    const keys = new Set(flatten(catalogue(locale)).keys());
    expect(sourceKeys.filter((key) => !keys.has(key))).toEqual([]);
  });

  describe("Einfache Sprache", () => {
    const simple = flatten(catalogue("de-simple"));
    const german = flatten(source);
    const participantKeys = sourceKeys.filter(isParticipantKey);

    it("has every key of the pages and e-mails a participant reads", () => {
      expect(participantKeys.filter((key) => !simple.has(key))).toEqual([]);
    });

    it("rewrites them: no text is the same as standard German unless it is already plain", () => {
      const same = [...simple].filter(([key, text]) => text === german.get(key) && !SAME_AS_GERMAN.has(text));
      expect(same.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    });

    // A key rewritten for a page that is not on the list means the list is out of date.
    it("holds only participant keys, and the list names only what German has", () => {
      expect([...simple.keys()].filter((key) => !isParticipantKey(key))).toEqual([]);
      const stale = PARTICIPANT_MESSAGES.filter((entry) => !sourceKeys.some((key) => key === entry || key.startsWith(`${entry}.`)));
      expect(stale).toEqual([]);
      const unused = [...SAME_AS_GERMAN].filter((text) => !participantKeys.some((key) => german.get(key) === text));
      expect(unused).toEqual([]);
    });

    // The list above is kept by hand: a participant's page that starts to read a key it does not
    // name shows that text in standard German (it happened: the volunteer's poll translation page,
    // polls.translateHint and the translator page's hostTexts.*). For the poll pages a member and
    // a volunteer open, the keys they read are taken from their source and must be on the list.
    it("has every key the poll pages and the translator's pages read", () => {
      const files = [
        "app/[locale]/[municipality]/[dialogue]/polls/page.tsx",
        "app/[locale]/texts/poll/[id]/page.tsx",
        "app/[locale]/texts/[subject]/[id]/page.tsx",
        ...readdirSync(path.join(ROOT, "components/polls")).map((file) => `components/polls/${file}`),
        "components/host-texts/host-text-version-form.tsx",
      ];
      // Read only on the municipality's introduction and an actor's description, which are staff's.
      const staffSubjectsOnly = new Set(["hostTexts.fields.introduction", "hostTexts.introductionHeading"]);
      const read = files.flatMap(literalKeysOf).filter((key) => !staffSubjectsOnly.has(key));
      // The scan sees the pages' keys (so it cannot pass by finding none), every one of them German has.
      expect(read).toEqual(expect.arrayContaining(["polls.translateHint", "polls.question", "hostTexts.languagesHeading", "translations.markChecked", "polls.questionIn"]));
      expect(read.filter((key) => !sourceKeys.includes(key))).toEqual([]);
      expect([...new Set(read.filter((key) => !isParticipantKey(key)))]).toEqual([]);
    });

    it("leaves staff pages and the staff's e-mail to standard German", () => {
      expect(isParticipantKey("join.submit")).toBe(true);
      expect(isParticipantKey("moderation.notice.reviewHint")).toBe(true);
      expect(isParticipantKey("moderation.queue.title")).toBe(false);
      expect(isParticipantKey("meetings.createHeading")).toBe(false);
      expect(isParticipantKey("accessibility.mail.subject")).toBe(false);
      expect(isParticipantKey("accessibility.title")).toBe(true);
    });
  });

  it.each([...locales])("%s: every message parses and uses the same arguments as German", (locale) => {
    const german = render(defaultLocale, source).rendered;
    const { rendered, errors } = render(locale, catalogue(locale));
    expect(errors).toEqual([]);
    for (const [key, text] of rendered) {
      expect(toLatinDigits(text).match(SENTINEL)?.sort() ?? [], key).toEqual(german.get(key)?.match(SENTINEL)?.sort() ?? []);
    }
  });

  // Every label, button, link, heading and page title takes its words from here: an empty
  // message is a control without a name for a screen reader, in every page that uses it. The
  // axe sweep runs the team's pages in three languages only (decision 059); this holds all.
  it.each([...locales])("%s: no message is empty or only spaces", (locale) => {
    const empty = [...render(locale, catalogue(locale)).rendered].filter(([, text]) => text.replace(/[\s\u200b-\u200f\u2066-\u2069]/g, "") === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  // One digit system per page: Intl prints dates and `#` in the locale's digits (Persian ۱۲۳),
  // so a number printed plainly by `{count}` (always Latin) or typed into the text in other
  // digits would mix two systems in one sentence. Codes and standard names (K7MQ-4HTP, A4,
  // WCAG 2.1, EN 301 549) keep their Latin digits.
  it.each([...locales])("%s: every rendered message writes numbers in the locale's own digits", (locale) => {
    const own = digitsOf(locale);
    const mixed: string[] = [];
    for (const [key, text] of render(locale, catalogue(locale)).rendered) {
      const withoutCodes = text
        .replace(/[A-Z]{2,}(?:[ -]?\d+(?:[.,]\d+)*)+/g, " ")
        .replace(/[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g, " ");
      const foreign = [...withoutCodes.matchAll(ANY_DIGIT)].map(([digit]) => digit).filter((digit) => !own.includes(digit));
      if (foreign.length > 0)
        mixed.push(
          `${locale} ${key}: "${text}" has digits ${[...new Set(foreign)].join("")}, but ${locale} writes ${own}; write # in plural branches or {x, number} so Intl formats the number, and type numbers in the text in ${locale}'s digits`,
        );
    }
    expect(mixed).toEqual([]);
  });

  it("names every phase, kind, status and perspective, and every default theme", () => {
    const keys = new Set(sourceKeys);
    const wanted = [
      ...Object.values(DialoguePhase).flatMap((phase) => [`phases.${phase}`, `phaseHints.${phase}`]),
      ...Object.values(ContributionKind).map((kind) => `kinds.${kind}`),
      ...Object.values(ContributionStatus).map((status) => `statuses.${status}`),
      ...Object.values(Perspective).map((perspective) => `perspectives.${perspective}`),
      ...DEFAULT_THEME_KEYS.map((theme) => `themes.${theme}`),
    ];
    expect(wanted.filter((key) => !keys.has(key)), "keys missing from the catalogue").toEqual([]);
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

  // The switcher shows these names (issue 13): each in its own script, Kurmanji as its speakers
  // say it rather than CLDR's "kurdî (kurmancî)".
  it.each([
    ["prs", "دری", "rtl"],
    ["ps", "پښتو", "rtl"],
    ["kmr", "Kurmancî", "ltr"],
    ["ti", "ትግርኛ", "ltr"],
    ["so", "Soomaali", "ltr"],
    ["fr", "Français", "ltr"],
  ])("names %s in itself (%s, %s)", (locale, name, dir) => {
    expect(autonym(locale)).toBe(name);
    expect(direction(locale)).toBe(dir);
  });

  it.each(locales)("has a name for the UI language %s, not its bare code", (locale) => {
    expect(autonym(locale).toLowerCase()).not.toBe(locale);
  });

  it("names a contribution's language in the reader's language, and survives bad tags", () => {
    expect(languageName("ar", "de")).toBe("Arabisch");
    expect(languageName("fa", "en")).toBe("Persian");
    expect(languageName("not a tag", "de")).toBe("not a tag");
  });
});
