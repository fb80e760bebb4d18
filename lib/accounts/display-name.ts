// The one definition of a display name others will see (docs/decisions/015): what is stored is
// NFC, without invisible characters, with single spaces and short combining-mark stacks, so that
// nobody can look like someone else through characters a reader cannot see.
import { z } from "zod";

/**
 * Joiners that Persian, Kurdish and Indic keyboards type inside words: removed, the name stays
 * readable. A zero-width joiner inside an emoji sequence (👩🏽‍👦) is kept. Every other invisible
 * character is refused (below).
 */
const JOINERS = /\u200c|\u200d(?!\p{Extended_Pictographic})/gu;
const EMOJI_JOINER = /\u200d(?=\p{Extended_Pictographic})/gu;

/**
 * Invisible or direction-changing characters: controls (Cc), format characters (Cf: zero-width
 * space, word joiner, BOM, bidi marks, embeddings, overrides and isolates, the Arabic letter mark),
 * line and paragraph separators, and every other default-ignorable code point (combining
 * grapheme joiner, variation selectors, Hangul fillers).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/** More than this many combining marks on one letter is a "Zalgo" stack, not a name. */
export const MAX_COMBINING_MARKS = 3;
const MARK_STACK = new RegExp(`[\\p{Mn}\\p{Me}]{${MAX_COMBINING_MARKS + 1},}`, "u");

/** Check marks that would imitate the verified badge (components/identity/verified-badge.tsx). */
const BADGE_LOOKALIKES = /[\u2713\u2714\u2705\u2611\u2612\u221a\u{1f5f8}\u{1f5f9}\u{1f6e1}]/u;

/** NFC, joiners removed, every run of spaces one space, trimmed. */
export function normalizeDisplayName(raw: string): string {
  return raw.normalize("NFC").replace(JOINERS, "").replace(/\p{Zs}+/gu, " ").trim();
}

/** A display name as every form and domain function takes it. */
export const displayNameField = z
  .string()
  .transform(normalizeDisplayName)
  .pipe(
    z
      .string()
      .min(1)
      .max(60)
      .refine((name) => !INVISIBLE.test(name.replace(EMOJI_JOINER, "")), "validation.invalid_characters")
      .refine((name) => !MARK_STACK.test(name), "validation.name_marks")
      .refine((name) => !BADGE_LOOKALIKES.test(name), "validation.name_badge"),
  );
