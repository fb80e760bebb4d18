import { HostTextNote } from "@/components/host-texts/host-text";
import type { PollText } from "@/lib/polls/pick-poll-text";

/**
 * The trace of a poll's shown version, as the dialogue's other texts carry it (HostTextNote): the
 * language it is in when that is not the page's, and that a machine translated it.
 */
export function PollTextNote({ text, originalLanguage, pageLocale }: { text: PollText; originalLanguage: string; pageLocale: string }) {
  return (
    <HostTextNote
      picked={{ fields: {}, language: text.language, source: text.source, outdated: false, originalLanguage, languages: [text.language] }}
      pageLocale={pageLocale}
      className="mt-1 text-sm text-muted"
    />
  );
}
