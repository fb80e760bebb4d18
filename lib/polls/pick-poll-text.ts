import type { TranslationMethod } from "@/lib/generated/prisma/enums";
import { contentLanguage, type HostTextSource } from "@/lib/host-texts/pick-host-text";

/** A poll's question and answers in one language, with how that version came about (and, for a volunteer's, whether the host team checked it). */
export type PollText = { question: string; answers: string[]; language: string; source: HostTextSource; checked: boolean };

/** A stored version (a PollText row) as far as picking needs it. */
export type PollTextVersion = { question: string; answers: string[]; language: string; method: TranslationMethod; checkedAt: Date | string | null };

/**
 * The version of a poll's question and answers for a reader: the one asked for (`?text=`), else
 * the reader's language where the host team wrote it or a machine translated it for a reader,
 * else the original. A version whose answers do not match the poll's is never shown (the
 * database refuses one, this guards old rows).
 */
export function pickPollText(
  original: Omit<PollText, "source" | "checked">,
  versions: readonly PollTextVersion[],
  locale: string | undefined,
  requested?: string | null,
): { text: PollText; texts: PollText[] } {
  const usable: PollText[] = versions
    .filter((version) => version.language !== original.language && version.answers.length === original.answers.length)
    .map(({ question, answers, language, method, checkedAt }) => ({
      question,
      answers,
      language,
      source: method === "MACHINE" ? "machine" : method === "VOLUNTEER" ? "volunteer" : "author",
      checked: checkedAt !== null,
    }));
  const first: PollText = { ...original, source: "original", checked: false };
  const wanted = [requested, locale ? contentLanguage(locale) : null].filter((language): language is string => !!language);
  const picked = wanted.map((language) => (language === original.language ? first : usable.find((text) => text.language === language))).find(Boolean);
  return { text: picked ?? first, texts: [first, ...usable] };
}

/**
 * Whether a reader of `locale` finds a poll among `polls` that is not in their language (neither
 * written nor machine-translated into it): then the dialogue page and the polls page offer the
 * signed-in reader the machine translation (decision 048). One rule for both pages.
 */
export function somePollNotInReaderLanguage(polls: readonly { text: Pick<PollText, "language"> }[], locale: string): boolean {
  return polls.some((poll) => poll.text.language !== contentLanguage(locale));
}
