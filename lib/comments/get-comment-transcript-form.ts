import "server-only";
import { db } from "@/lib/db/client";
import { can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { voiceNote, voiceNoteSelect } from "@/lib/voice/get-voice-note";

/**
 * What a voice comment's transcript page needs (decision 046, as getTranscriptForm for a
 * contribution): the spoken language, the text so far (the machine's draft until a person
 * confirms one, else the comment's text), its trace, whether the audio is kept, and the
 * languages a translation may be in. Null unless the comment is a voice comment on this
 * contribution and the viewer may transcribe it (the page then is not found).
 */
export async function getCommentTranscriptForm(viewer: Viewer | null, input: { commentId: string; contributionId: string; dialogueId: string }) {
  const comment = await db.comment.findFirst({
    where: { id: input.commentId, contributionId: input.contributionId, deletedAt: null, contribution: { dialogueId: input.dialogueId, withdrawnAt: null } },
    select: {
      id: true,
      body: true,
      language: true,
      authorId: true,
      contribution: { select: { dialogue: { select: { languages: true } } } },
      voiceMessage: { select: { ...voiceNoteSelect, machineDraft: true, confirmedAt: true } },
    },
  });
  if (!comment?.voiceMessage) return null;
  if (!can(viewer, "voice:transcribe", await dialogueResource(input.dialogueId, comment.authorId))) return null;
  const voice = comment.voiceMessage;
  const draft = voice.confirmedAt === null ? voice.machineDraft : null;
  // Its trace so far, shown above the form as under a voice contribution (components/voice/voice-note.tsx).
  const note = voiceNote(voice, { mayListen: true, mayTranscribe: false });
  return {
    commentId: comment.id,
    language: comment.language,
    note,
    // A typed line is not a transcript: the form starts from the machine's draft or from the
    // transcript a person confirmed before.
    transcript: voice.confirmedAt !== null ? comment.body : (draft ?? ""),
    machineUnchecked: draft !== null || (voice.machineTranscript && voice.confirmedAt === null),
    readBack: voice.readBackConfirmedAt !== null,
    translationLanguages: comment.contribution.dialogue.languages.filter((language) => language !== comment.language),
  };
}
