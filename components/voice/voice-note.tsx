import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import type { VoiceNote } from "@/lib/voice/get-voice-note";

/**
 * Under a contribution said as a voice message (decision 033): "transcript pending", or who
 * wrote the transcript (a person, or a machine until a person checked it), who confirmed it, and
 * whether it was read back to the speaker — decision 008's trace. The host team, recorders and
 * moderators get the player; recorders and the host team the link to write or check the transcript.
 */
export async function VoiceNoteView({ note, audioHref, transcriptHref }: { note: VoiceNote; audioHref: string; transcriptHref: string }) {
  const t = await getTranslations("voice");
  const lines: string[] = [];
  if (note.pending) lines.push(t("pending"));
  else {
    lines.push(t("trace.said"));
    if (note.machineTranscript) lines.push(note.confirmedBy ? t("trace.machineChecked", { name: note.confirmedBy }) : t("trace.machine"));
    else if (note.transcribedBy) lines.push(t("trace.transcribedBy", { name: note.transcribedBy }));
    if (note.readBack) lines.push(t("trace.readBack"));
  }
  return (
    <section aria-label={t("untitled")} className="mt-3 rounded border-s-4 border-brand bg-surface p-3 text-sm" data-testid="voice-note">
      {lines.map((line) => (
        <p key={line} className={note.pending ? "font-semibold" : undefined}>
          {line}
        </p>
      ))}
      {note.mayListen &&
        (note.audioKept ? (
          <audio controls preload="none" src={audioHref} className="mt-2 w-full">
            <a href={audioHref}>{t("listen")}</a>
          </audio>
        ) : (
          <p className="mt-1 text-muted">{t("trace.audioDeleted")}</p>
        ))}
      {note.mayTranscribe && note.audioKept && (
        <p className="mt-2">
          <Link href={transcriptHref} className="font-semibold">
            {note.pending || (note.machineTranscript && !note.confirmedBy) ? t("transcribeLink") : t("editTranscriptLink")}
          </Link>
        </p>
      )}
    </section>
  );
}
