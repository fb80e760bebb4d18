// Which version of a host-written text a reader sees (decision 025). Pure, so the dialogue page,
// the lists, the join page and the tests share one rule.
import type { TranslationMethod } from "@/lib/generated/prisma/enums";

/** How the shown text came about: the original, or a version in another language. */
export type HostTextSource = "original" | "author" | "volunteer" | "machine";

/** The fields a host text has; each subject uses some of them (a dialogue: title, summary, body). */
export type HostTextFields = {
  title?: string | null;
  summary?: string | null;
  place?: string | null;
  body?: string | null;
};

/** A stored version (a Translation row) as far as picking needs it. */
export type HostTextVersion = HostTextFields & {
  language: string;
  method: TranslationMethod;
  checkedAt: Date | null;
  outdatedAt: Date | null;
  codeOfConduct?: string | null;
};

export type PickedHostText<F extends HostTextFields = HostTextFields> = {
  fields: F;
  /** The language the shown text is written in (BCP 47). */
  language: string;
  source: HostTextSource;
  /** The original was edited after this version was written. */
  outdated: boolean;
  /** The original's language: the dialogue's first language, or the municipality's. */
  originalLanguage: string;
  /** Every language the text can be read in (original first), for links to the others. */
  languages: string[];
};

/**
 * The content language that goes with a UI locale: Einfache Sprache reads German texts, a
 * regional tag its language ("fa-AF" → "fa").
 */
export function contentLanguage(locale: string): string {
  return locale.split("-")[0]!.toLowerCase();
}

// AUTHOR > checked VOLUNTEER > VOLUNTEER > MACHINE; an outdated version after a current one.
function rank(version: HostTextVersion): number {
  const made = version.method === "AUTHOR" ? 0 : version.method === "VOLUNTEER" ? (version.checkedAt ? 1 : 2) : 3;
  return made + (version.outdatedAt ? 10 : 0);
}

function sourceOf(method: TranslationMethod): HostTextSource {
  return method === "AUTHOR" ? "author" : method === "VOLUNTEER" ? "volunteer" : "machine";
}

/** The best version in `language`, or undefined. */
export function bestVersion<V extends HostTextVersion>(versions: readonly V[], language: string): V | undefined {
  return versions.filter((version) => version.language === language).sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * The version for a reader: the one asked for by a link (`?text=uk`) when it exists, else the
 * reader's language when a version exists, else the original. `select` takes a version's fields.
 */
export function pickHostText<F extends HostTextFields>(
  original: { language: string; fields: F },
  versions: readonly HostTextVersion[],
  locale: string,
  options: { requested?: string | null; select?: (version: HostTextVersion) => F | null } = {},
): PickedHostText<F> {
  const select = options.select ?? ((version: HostTextVersion) => fieldsLike(original.fields, version));
  const usable = versions.filter((version) => version.language !== original.language && select(version) !== null);
  const languages = [original.language, ...[...new Set(usable.map((version) => version.language))].sort()];
  const base = { originalLanguage: original.language, languages };
  const wanted = [options.requested, contentLanguage(locale)].filter((language): language is string => !!language);
  for (const language of wanted) {
    if (language === original.language) break;
    const version = bestVersion(usable, language);
    if (version) {
      return { ...base, fields: select(version)!, language, source: sourceOf(version.method), outdated: version.outdatedAt !== null };
    }
  }
  return { ...base, fields: original.fields, language: original.language, source: "original", outdated: false };
}

/** A version's fields shaped like the original's: the same keys, taken from the version. */
function fieldsLike<F extends HostTextFields>(original: F, version: HostTextVersion): F {
  const fields = {} as Record<string, string | null | undefined>;
  for (const key of Object.keys(original) as (keyof HostTextFields)[]) {
    // A field the original leaves empty stays empty in every version.
    fields[key] = original[key] == null ? original[key] : (version[key] ?? original[key]);
  }
  return fields as F;
}
