// Reading messages/*.json and messages/glossary/*.json for the catalogue tests and scripts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type Catalogue = { [key: string]: string | Catalogue };

export const MESSAGES_DIR = path.resolve(import.meta.dirname, "../../messages");

export function readCatalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(path.join(MESSAGES_DIR, `${locale}.json`), "utf8")) as Catalogue;
}

/** `{ a: { b: "x" } }` → `a.b → x`, in file order. */
export function flattenCatalogue(messages: Catalogue, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(name, value);
    else for (const [nested, text] of flattenCatalogue(value, name)) entries.set(nested, text);
  }
  return entries;
}

/** One domain word of a language (messages/README.md explains the format). */
export type GlossaryTerm = {
  use: string;
  forms?: string[];
  avoid?: string[];
  except?: string[];
  keys?: string[];
  note?: string;
};

export type Glossary = { language: string; terms: Record<string, GlossaryTerm> };

export const glossaryPath = (locale: string) => path.join(MESSAGES_DIR, "glossary", `${locale}.json`);

export function readGlossary(locale: string): Glossary | undefined {
  const file = glossaryPath(locale);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Glossary) : undefined;
}

/**
 * A glossary pattern as a RegExp: unicode, case-insensitive; `\b` means a boundary between a
 * letter or digit of any script and anything else (JavaScript's own `\b` knows only ASCII, so
 * it would never match around Cyrillic or Arabic words).
 */
export function glossaryPattern(source: string): RegExp {
  const boundary = String.raw`(?:(?<=[\p{L}\p{M}\p{N}])(?![\p{L}\p{M}\p{N}])|(?<![\p{L}\p{M}\p{N}])(?=[\p{L}\p{M}\p{N}]))`;
  return new RegExp(source.replace(/\\b/g, boundary), "iu");
}

/**
 * Arguments the app passes as numbers: counts, limits, page numbers. A message must let Intl
 * format them (`#` inside a plural branch, or `{x, number}`) so that they come out in the
 * locale's digits; one that counts a noun must be a plural (lib/i18n/plurals.test.ts).
 */
export const NUMERIC_ARGUMENT =
  /^(count|total|n|number|page|remaining|minimum|maximum|uses|answered|lived|online|atMeetings|days|hours|minutes|seconds|weeks|months|characters)$|(Count|Total|Minutes|Hours|Days|Weeks|Months|Characters|Uses|Remaining)$/;

/** Where an argument with a numeric-sounding name is text after all. */
export const TEXT_ARGUMENTS: Record<string, string[]> = {
  // The address of the page a barrier was reported on.
  "accessibility.mail.subject": ["page"],
};

/**
 * Numbers that stand on their own, beside no counted noun; every other numeric argument counts
 * something and must be a plural in every language. Say why when adding one.
 */
export const NOT_COUNTING: Record<string, Record<string, string>> = {
  "pagination.pageOf": { page: "page 3 of 10: a position", pageCount: "page 3 of 10: the number stands alone" },
  "invitations.uses": { uses: "3 of 50 used: the numbers stand alone", maxUses: "3 of 50 used" },
  "meetings.supportsCount": { count: "a label and a number: “Town staff: 3”" },
  "meetings.onlineAndAtMeetings": {
    online: "“3 online · 2 at meetings”: the numbers stand alone",
    atMeetings: "“3 online · 2 at meetings”",
  },
  "results.answeredOf": { answered: "“Needs with a public answer: 3 of 10”", total: "“3 of 10”" },
  "dialogueCard.supports": { lived: "“…, 3 of them from people with lived experience”: counts the supports already named" },
  "validation.too_small_number": { minimum: "“a number of at least 1”: the number is the value" },
  "validation.too_big_number": { maximum: "“a number of at most 500”: the number is the value" },
  "contribution.atMeetings": { count: "“(3 at meetings)”: supports, already named beside it" },
  "contributionPage.commentsHeading": { count: "“Comments (3)”: a heading with its count in brackets" },
  "moderation.queue.reportsHeading": { count: "“Open reports (3)”" },
  "moderation.queue.reports": { count: "“Reports (3)”" },
  "moderation.queue.reviewsHeading": { count: "“Review requests (3)”" },
  "moderation.queue.headerLink": { count: "“Moderation (3)”: the header link with its count in brackets" },
  "moderation.mediation.participant": { number: "“Person 2”: a label" },
  "moderation.mediation.participantOptional": { number: "“Person 3 (optional)”: a label" },
  "polls.answerLabel": { number: "“Answer 2”: a label" },
  "polls.answerIn": { number: "“Answer 2 (Yes)”: a label" },
  "polls.hiddenGroups": { count: "“fewer than 5 people from …”: the small-number threshold, always 5" },
  "images.photo": { number: "“Photo 2”: a label" },
  "images.file": { number: "“Choose photo 2”: a label" },
  "images.alt": { number: "“What does photo 2 show?”: a label" },
  "images.remove": { number: "“Remove photo 2”: a label" },
};
