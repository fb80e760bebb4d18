import { HostTextNote } from "@/components/host-texts/host-text";
import type { PollText } from "@/lib/polls/pick-poll-text";

/**
 * The trace of a poll's shown version, as the dialogue's other texts carry it (HostTextNote): the
 * language it is in when that is not the page's, that a volunteer (and whether the host team
 * checked it) or a machine translated it, and the way to translate it for those who may.
 */
export function PollTextNote({
  text,
  originalLanguage,
  pageLocale,
  translateHref,
}: {
  text: PollText;
  originalLanguage: string;
  pageLocale: string;
  /** The poll's texts page, for viewers the policy lets translate it (volunteers, the host team). */
  translateHref?: string;
}) {
  return (
    <HostTextNote
      picked={{ fields: {}, language: text.language, source: text.source, outdated: false, originalLanguage, languages: [text.language] }}
      pageLocale={pageLocale}
      translateHref={translateHref}
      checked={text.checked}
      className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted"
    />
  );
}
