import { contentLanguage } from "@/lib/host-texts/pick-host-text";

export type PollText = { question: string; answers: string[]; language: string };

/**
 * The version of a poll's question and answers for a reader: the one asked for (`?text=`), else
 * the reader's language where the host team wrote it, else the original. A version whose answers
 * do not match the poll's is never shown (the database refuses one, this guards old rows).
 */
export function pickPollText(original: PollText, versions: readonly PollText[], locale: string | undefined, requested?: string | null): { text: PollText; texts: PollText[] } {
  const usable = versions.filter((text) => text.language !== original.language && text.answers.length === original.answers.length);
  const wanted = [requested, locale ? contentLanguage(locale) : null].filter((language): language is string => !!language);
  const picked = wanted.map((language) => (language === original.language ? original : usable.find((text) => text.language === language))).find(Boolean);
  return { text: picked ?? original, texts: [original, ...usable] };
}
