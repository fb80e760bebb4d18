import "server-only";
import { db } from "@/lib/db/client";
import { can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { titleFromTranscript } from "./machine-transcribe";

/**
 * What the transcript page needs (decision 033): the voice message's language, the text so far
 * (a machine's, or a person's to correct), whether the audio is still kept, and the languages a
 * translation may be in. Null unless the viewer may transcribe it (the page then is not found).
 */
export async function getTranscriptForm(viewer: Viewer | null, input: { contributionId: string; dialogueId: string }) {
  const contribution = await db.contribution.findFirst({
    where: { id: input.contributionId, dialogueId: input.dialogueId, withdrawnAt: null },
    select: {
      id: true,
      title: true,
      body: true,
      language: true,
      authorId: true,
      dialogue: { select: { languages: true } },
      voiceMessage: { select: { machineDraft: true, machineTranscript: true, transcribedAt: true, confirmedAt: true, readBackConfirmedAt: true, audioDeletedAt: true } },
    },
  });
  if (!contribution?.voiceMessage) return null;
  if (!can(viewer, "voice:transcribe", await dialogueResource(input.dialogueId, contribution.authorId))) return null;
  const voice = contribution.voiceMessage;
  // The machine's draft (never public) is prefilled until a person confirms a transcript.
  const draft = voice.confirmedAt === null ? voice.machineDraft : null;
  return {
    contributionId: contribution.id,
    language: contribution.language,
    title: contribution.title || (draft ? titleFromTranscript(draft) : ""),
    transcript: contribution.body || (draft ?? ""),
    machineUnchecked: draft !== null || (voice.machineTranscript && voice.confirmedAt === null),
    readBack: voice.readBackConfirmedAt !== null,
    audioKept: voice.audioDeletedAt === null,
    translationLanguages: contribution.dialogue.languages.filter((language) => language !== contribution.language),
  };
}
