// One word per concept and language (decision 029): messages/glossary/<locale>.json names, for
// each domain term, the word a catalogue uses, the forms that count as it, the variants that must
// not appear, and the catalogue keys that name the concept. A complete UI language must have a
// glossary; any language that has one is held to it, complete or not.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContributionKind, Perspective } from "@/lib/generated/prisma/enums";
import {
  flattenCatalogue,
  type Glossary,
  glossaryPath,
  glossaryPattern,
  MESSAGES_DIR,
  readCatalogue,
  readGlossary,
} from "./catalogue-files";
import { icuText } from "./icu-text";
import { completeLocales, defaultLocale, locales } from "./routing";

/** Every glossary names all of these (RULES for translators: messages/README.md). */
const TERM_IDS = [
  "need",
  "proposal",
  "contribution",
  "support",
  "perspective",
  "group",
  "livedExperience",
  "localActor",
  "municipalStaff",
  "notStated",
  "hostTeam",
  "coHost",
  "moderator",
  "recorder",
  "signInCode",
  "invitationCode",
  "dialogue",
  "answer",
  "municipality",
  "rules",
  "meeting",
  "report",
  "log",
  "translation",
  "comment",
  "participant",
  // A translation's trace: a machine made it, a second person checked it (the hints say both).
  "checked",
  "machineTranslation",
] as const;

// The names of the domain's enums are the glossary's anchors: the word on the filter, the badge
// and the export must be the term. A new enum value fails type-checking here until it has one.
const KIND_TERMS: Record<ContributionKind, (typeof TERM_IDS)[number]> = { NEED: "need", PROPOSAL: "proposal" };
const PERSPECTIVE_TERMS: Record<Perspective, (typeof TERM_IDS)[number]> = {
  LIVED_EXPERIENCE: "livedExperience",
  LOCAL_ACTOR: "localActor",
  MUNICIPAL_STAFF: "municipalStaff",
  NOT_STATED: "notStated",
};
const ENUM_KEYS: [key: string, term: string][] = [
  ...Object.values(ContributionKind).map((kind) => [`kinds.${kind}`, KIND_TERMS[kind]] as [string, string]),
  ...Object.values(Perspective).map(
    (perspective) => [`perspectives.${perspective}`, PERSPECTIVE_TERMS[perspective]] as [string, string],
  ),
];

const sourceKeys = new Set(flattenCatalogue(readCatalogue(defaultLocale)).keys());
const glossaryLocales = locales.filter((locale) => readGlossary(locale) !== undefined);

/** "…40 characters around the match…" for a failure message. */
function around(text: string, match: RegExpExecArray): string {
  const start = Math.max(0, match.index - 30);
  const end = Math.min(text.length, match.index + match[0].length + 30);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

type Pattern = { regexp: RegExp; source: string };

function patterns(locale: string, termId: string, field: string, sources: unknown, failures: string[]): Pattern[] {
  if (sources === undefined) return [];
  if (!Array.isArray(sources) || sources.some((source) => typeof source !== "string")) {
    failures.push(`${locale}: term "${termId}": "${field}" must be a list of strings`);
    return [];
  }
  return (sources as string[]).flatMap((source) => {
    try {
      return [{ regexp: glossaryPattern(source), source }];
    } catch (error) {
      failures.push(`${locale}: term "${termId}": ${field} pattern /${source}/ is not a valid regular expression: ${String(error)}`);
      return [];
    }
  });
}

describe("glossaries", () => {
  it.each([...completeLocales])("%s, a complete UI language, has a glossary", (locale) => {
    expect(readGlossary(locale), `write messages/glossary/${locale}.json (format: messages/README.md)`).toBeDefined();
  });

  it("exist only for UI languages", () => {
    const files = readdirSync(path.join(MESSAGES_DIR, "glossary")).map((file) => file.replace(/\.json$/, ""));
    expect(files.filter((file) => !(locales as readonly string[]).includes(file))).toEqual([]);
  });

  describe.each(glossaryLocales)("%s", (locale) => {
    const glossary = readGlossary(locale) as Glossary;
    const messages = flattenCatalogue(readCatalogue(locale));
    const file = path.relative(process.cwd(), glossaryPath(locale));
    const isComplete = (completeLocales as readonly string[]).includes(locale);

    it("names every term, each with its word, and says which language it is for", () => {
      const failures: string[] = [];
      if (glossary.language !== locale) failures.push(`${file}: "language" is "${glossary.language}", expected "${locale}"`);
      for (const termId of TERM_IDS) {
        const term = glossary.terms[termId];
        if (!term) failures.push(`${file}: term "${termId}" is missing`);
        else if (typeof term.use !== "string" || term.use.trim() === "")
          failures.push(`${file}: term "${termId}" has no "use" word`);
      }
      // A language may add terms of its own (Ukrainian "phase": етап, never фаза); they are held
      // to the same checks.
      for (const [termId, term] of Object.entries(glossary.terms)) {
        if (typeof term.use !== "string" || term.use.trim() === "") failures.push(`${file}: term "${termId}" has no "use" word`);
      }
      expect(failures).toEqual([]);
    });

    it("names the contribution kinds and the perspectives with their terms", () => {
      const failures: string[] = [];
      for (const [key, termId] of ENUM_KEYS) {
        if (!glossary.terms[termId]?.keys?.includes(key))
          failures.push(`${file}: term "${termId}" must list "${key}" in its keys (the enum's name in the UI)`);
      }
      expect(failures).toEqual([]);
    });

    it("uses each term in the keys that name its concept", () => {
      const failures: string[] = [];
      for (const [termId, term] of Object.entries(glossary.terms)) {
        const forms = patterns(locale, termId, "forms", term.forms ?? [term.use.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")], failures);
        const avoid = patterns(locale, termId, "avoid", term.avoid, failures);
        if (forms.length > 0 && !forms.some((form) => form.regexp.test(term.use)))
          failures.push(`${locale}: term "${termId}": its word "${term.use}" matches none of its forms`);
        for (const pattern of avoid) {
          if (pattern.regexp.test(term.use))
            failures.push(`${locale}: term "${termId}": its word "${term.use}" matches its own avoided variant /${pattern.source}/`);
        }
        for (const key of [...(term.keys ?? []), ...(term.except ?? [])]) {
          if (!sourceKeys.has(key)) failures.push(`${locale}: term "${termId}" lists "${key}", which German (de.json) does not have`);
        }
        for (const key of term.keys ?? []) {
          const text = messages.get(key);
          if (text === undefined) {
            // A partial catalogue falls back to German for keys it lacks; they are checked once
            // translated. A complete one lacking the key is already a failure of catalogues.test.ts.
            if (sourceKeys.has(key) && isComplete)
              failures.push(`${locale} ${key}: term "${termId}" lists this key but messages/${locale}.json has no text for it`);
            continue;
          }
          if (!forms.some((form) => form.regexp.test(icuText(text))))
            failures.push(`${locale} ${key}: term "${termId}" should say "${term.use}" here, but the text is "${text}"`);
        }
      }
      expect(failures).toEqual([]);
    });

    it("never uses a variant the glossary avoids", () => {
      const failures: string[] = [];
      const texts = [...messages].map(([key, text]) => [key, icuText(text)] as const);
      for (const [termId, term] of Object.entries(glossary.terms)) {
        const except = new Set(term.except ?? []);
        for (const pattern of patterns(locale, termId, "avoid", term.avoid, [])) {
          for (const [key, text] of texts) {
            if (except.has(key)) continue;
            const match = pattern.regexp.exec(text);
            if (match)
              failures.push(
                `${locale} ${key}: says "${match[0]}" (${around(text, match)}), which term "${termId}" avoids (/${pattern.source}/); use "${term.use}"${term.note ? ` — ${term.note}` : ""}, or list the key in "except" if this is another meaning`,
              );
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });
});

// One spelling per language for the marks the review found written two ways (decision 029).
const TYPOGRAPHY: Record<string, { pattern: RegExp; rule: string }[]> = {
  // Ukrainian: the apostrophe is ’ (U+2019), as in ім’я; ' is also ICU's quote character.
  uk: [{ pattern: /['ʼ]/u, rule: "write the apostrophe as ’ (U+2019), e.g. ім’я" }],
  // Arabic: tanween fath sits on the letter before the alif: شكرًا, not شكراً.
  ar: [{ pattern: /اً/u, rule: "write tanween fath on the letter before the alif (ًا), e.g. شكرًا" }],
  // Persian: ezafe after a silent he is written with hamza above (صفحهٔ اصلی), never ۀ or ه‌ی,
  // and the preposition دربارهٔ always carries it.
  fa: [
    { pattern: /ۀ/u, rule: "write ezafe after he as هٔ (he + U+0654), not ۀ" },
    { pattern: /ه\u200cی(?=[\s،.])/u, rule: "write ezafe after he as هٔ, not ه‌ی" },
    { pattern: /درباره(?!ٔ)/u, rule: "write دربارهٔ with its ezafe" },
  ],
};

describe("typography", () => {
  it.each(Object.keys(TYPOGRAPHY))("%s writes each mark one way", (locale) => {
    const failures: string[] = [];
    for (const [key, text] of flattenCatalogue(readCatalogue(locale))) {
      for (const { pattern, rule } of TYPOGRAPHY[locale] ?? []) {
        const match = new RegExp(pattern.source, "gu").exec(text);
        if (match) failures.push(`${locale} ${key}: "${around(text, match)}": ${rule}`);
      }
    }
    expect(failures).toEqual([]);
  });

  // The same two words with and without ezafe (ترجمه ماشینی / ترجمهٔ ماشینی) on different pages.
  it("fa writes ezafe after he the same way wherever the same words meet", () => {
    const seen = new Map<string, Map<string, string>>();
    for (const [key, text] of flattenCatalogue(readCatalogue("fa"))) {
      for (const [, first, hamza, second] of icuText(text).matchAll(/(\p{L}+ه)(ٔ?) (\p{L}[\p{L}\u200c]*)/gu)) {
        const pair = `${first} ${second}`;
        const spellings = seen.get(pair) ?? new Map<string, string>();
        spellings.set(hamza ? "with" : "without", key);
        seen.set(pair, spellings);
      }
    }
    const mixed = [...seen]
      .filter(([, spellings]) => spellings.size > 1)
      .map(([pair, spellings]) => `fa: "${pair}" has ezafe in ${spellings.get("with")} but not in ${spellings.get("without")}`);
    expect(mixed).toEqual([]);
  });
});
