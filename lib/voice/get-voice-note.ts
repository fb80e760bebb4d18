import "server-only";
import { db } from "@/lib/db/client";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";

export type VoiceNote = {
  /** No transcript yet: shown as "voice message, transcript pending". */
  pending: boolean;
  machineTranscript: boolean;
  transcribedBy: string | null;
  confirmedBy: string | null;
  readBack: boolean;
  audioKept: boolean;
  mayListen: boolean;
  mayTranscribe: boolean;
};

/**
 * What the contribution page says about a voice message (decision 033): whether the transcript
 * is pending or machine-made, who transcribed and confirmed it, whether it was read back — the
 * trace of decision 008 — and whether this viewer may listen or transcribe. Null when the
 * contribution was typed.
 */
export async function getVoiceNote(viewer: Viewer | null, contributionId: string, resource: Resource): Promise<VoiceNote | null> {
  const voice = await db.voiceMessage.findUnique({
    where: { contributionId },
    select: {
      transcribedAt: true,
      machineTranscript: true,
      readBackConfirmedAt: true,
      audioDeletedAt: true,
      transcribedBy: { select: { displayName: true, deletedAt: true } },
      confirmedBy: { select: { displayName: true, deletedAt: true } },
    },
  });
  if (!voice) return null;
  const name = (person: { displayName: string; deletedAt: Date | null } | null) => (person && !person.deletedAt ? person.displayName : null);
  return {
    pending: voice.transcribedAt === null,
    machineTranscript: voice.machineTranscript,
    transcribedBy: name(voice.transcribedBy),
    confirmedBy: name(voice.confirmedBy),
    readBack: voice.readBackConfirmedAt !== null,
    audioKept: voice.audioDeletedAt === null,
    mayListen: can(viewer, "voice:listen", resource),
    mayTranscribe: can(viewer, "voice:transcribe", resource),
  };
}
