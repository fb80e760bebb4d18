import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { defaultRules } from "./default-rules";
import { bestVersion, contentLanguage, type HostTextSource, type HostTextVersion } from "./pick-host-text";
import { languageTagSchema } from "@/lib/i18n/language-tag";

export type ShownRules = {
  text: string;
  /** The text's language, for `lang` and `dir`. */
  language: string;
  /** What is recorded when the person accepts: the catalogue locale or the version's language. */
  recordLanguage: string;
  /** "default", or a hash of the host team's text as shown. */
  version: string;
  source: HostTextSource | "default";
  outdated: boolean;
  /** A host team's own rules that nobody has put into the reader's language yet. */
  untranslated: boolean;
  /**
   * Untranslated, and no version of the dialogue's texts exists in the reader's language at all:
   * a machine translation asked for now would bring the rules with it.
   */
  requestable: boolean;
  /** The reader's content language (what a machine translation would be into). */
  readerLanguage: string;
  /** The languages the host team's rules can be read in (original first); empty for the default. */
  languages: string[];
};

/** A short, stable name of a text: what a membership records as the version it accepted. */
export function rulesVersion(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n?/g, "\n").trim()).digest("hex").slice(0, 32);
}

/**
 * The rules a reader is shown: the default rules in the reader's UI language, or the host
 * team's own in the reader's language when a version exists (`requested`: a link's choice),
 * else in the dialogue's main language, marked as untranslated.
 */
export async function rulesForReader(
  dialogue: { codeOfConduct: string | null; languages: readonly string[] },
  versions: readonly HostTextVersion[],
  locale: string,
  requested?: string | null,
): Promise<ShownRules> {
  if (dialogue.codeOfConduct === null) {
    const rules = await defaultRules(locale);
    return {
      text: rules.text,
      language: rules.language,
      recordLanguage: rules.locale,
      version: "default",
      source: "default",
      outdated: false,
      untranslated: false,
      requestable: false,
      readerLanguage: contentLanguage(locale),
      languages: [],
    };
  }
  const original = dialogue.languages[0] ?? "de";
  const withRules = versions.filter((version) => version.codeOfConduct && version.language !== original);
  const languages = [original, ...[...new Set(withRules.map((version) => version.language))].sort()];
  const reader = contentLanguage(locale);
  for (const language of [requested, reader]) {
    if (!language || language === original) continue;
    const version = bestVersion(withRules, language);
    if (version) {
      const source: HostTextSource = version.method === "AUTHOR" ? "author" : version.method === "VOLUNTEER" ? "volunteer" : "machine";
      const text = version.codeOfConduct!;
      return {
        text,
        language,
        recordLanguage: language,
        version: rulesVersion(text),
        source,
        outdated: version.outdatedAt !== null,
        untranslated: false,
        requestable: false,
        readerLanguage: reader,
        languages,
      };
    }
  }
  const text = dialogue.codeOfConduct;
  return {
    text,
    language: original,
    recordLanguage: original,
    version: rulesVersion(text),
    source: "original",
    outdated: false,
    untranslated: reader !== original,
    requestable: reader !== original && !versions.some((version) => version.language === reader),
    readerLanguage: reader,
    languages,
  };
}

/**
 * What a form posts back about the rules it showed is checked against what the server would
 * show for that language now: accepting rules that changed in between is refused.
 */
export async function assertRulesSeen(
  dialogue: { codeOfConduct: string | null; languages: readonly string[] },
  versions: readonly HostTextVersion[],
  seen: { language: string; version: string },
): Promise<{ language: string; version: string } | null> {
  const shown = await rulesForReader(dialogue, versions, seen.language, seen.language);
  if (shown.version !== seen.version || shown.recordLanguage !== seen.language) return null;
  return { language: shown.recordLanguage, version: shown.version };
}

/** What the join and post forms post about the rules they showed. */
export const rulesSeenFields = {
  codeOfConductLanguage: languageTagSchema.optional(),
  codeOfConductVersion: z.string().regex(/^(default|[0-9a-f]{16,64})$/).optional(),
};

/**
 * The membership columns that record which rules a person accepted. The version a form says it
 * showed must be the one shown now for that language (the rules may have changed since the page
 * was opened): otherwise INVALID_INPUT at the checkbox, so the person reads them again. Without
 * the fields (a caller with no form), nothing is recorded about the version.
 */
export async function acceptedRules(
  dialogueId: string,
  seen: { codeOfConductLanguage?: string; codeOfConductVersion?: string },
): Promise<{ dialogueId: string; columns: { codeOfConductLanguage: string | null; codeOfConductVersion: string | null } }> {
  if (!seen.codeOfConductLanguage || !seen.codeOfConductVersion) return { dialogueId, columns: { codeOfConductLanguage: null, codeOfConductVersion: null } };
  const dialogue = await db.dialogue.findUniqueOrThrow({
    where: { id: dialogueId },
    select: { codeOfConduct: true, languages: true, translations: { where: { codeOfConduct: { not: null } }, select: VERSION_SELECT } },
  });
  const checked = await assertRulesSeen(dialogue, dialogue.translations, { language: seen.codeOfConductLanguage, version: seen.codeOfConductVersion });
  if (!checked) {
    throw new AppError("INVALID_INPUT", "rules changed", { fieldErrors: { acceptCodeOfConduct: [{ key: "codeOfConduct.changed" }] } });
  }
  return { dialogueId, columns: { codeOfConductLanguage: checked.language, codeOfConductVersion: checked.version } };
}

/** The rules of one dialogue for a reader, with the versions loaded here. */
export async function loadRulesForReader(dialogueId: string, locale: string, requested?: string | null): Promise<ShownRules> {
  const dialogue = await db.dialogue.findUniqueOrThrow({
    where: { id: dialogueId },
    select: { codeOfConduct: true, languages: true, translations: { select: VERSION_SELECT } },
  });
  return rulesForReader(dialogue, dialogue.translations, locale, requested);
}

const VERSION_SELECT = { language: true, method: true, checkedAt: true, outdatedAt: true, body: true, codeOfConduct: true } as const;
