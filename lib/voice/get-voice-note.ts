import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
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

/** What voiceNote() reads of a voice message. */
export const voiceNoteSelect = {
  transcribedAt: true,
  machineTranscript: true,
  readBackConfirmedAt: true,
  audioDeletedAt: true,
  transcribedBy: { select: { displayName: true, deletedAt: true } },
  confirmedBy: { select: { displayName: true, deletedAt: true } },
} satisfies Prisma.VoiceMessageSelect;

/**
 * What the contribution page says about a voice message (decision 033): whether the transcript
 * is pending or machine-made, who transcribed and confirmed it, whether it was read back — the
 * trace of decision 008 — and whether this viewer may listen or transcribe. Null when the
 * contribution was typed.
 */
export async function getVoiceNote(viewer: Viewer | null, contributionId: string, resource: Resource): Promise<VoiceNote | null> {
  const voice = await db.voiceMessage.findUnique({
    where: { contributionId },
    select: voiceNoteSelect,
  });
  if (!voice) return null;
  return voiceNote(voice, { mayListen: can(viewer, "voice:listen", resource), mayTranscribe: can(viewer, "voice:transcribe", resource) });
}

type Person = { displayName: string; deletedAt: Date | null } | null;

/** A voice message's trace as a VoiceNote (a deleted account's name is not shown), with the viewer's flags. */
export function voiceNote(
  voice: { transcribedAt: Date | null; machineTranscript: boolean; readBackConfirmedAt: Date | null; audioDeletedAt: Date | null; transcribedBy: Person; confirmedBy: Person },
  may: Pick<VoiceNote, "mayListen" | "mayTranscribe">,
): VoiceNote {
  const name = (person: Person) => (person && !person.deletedAt ? person.displayName : null);
  return {
    pending: voice.transcribedAt === null,
    machineTranscript: voice.machineTranscript,
    transcribedBy: name(voice.transcribedBy),
    confirmedBy: name(voice.confirmedBy),
    readBack: voice.readBackConfirmedAt !== null,
    audioKept: voice.audioDeletedAt === null,
    ...may,
  };
}

/** Under a comment said as a voice message once it is written down (decision 046): decision 008's trace. */
export type CommentVoiceTrace = Pick<VoiceNote, "machineTranscript" | "transcribedBy" | "confirmedBy" | "readBack">;

/**
 * A voice comment in a thread: whether a person (or the machine, checked) wrote it down, whether
 * its audio is still kept (its transcript can then be written or corrected against it, as a voice
 * contribution's), and, once written down, its trace.
 */
export type CommentVoice = { transcribed: boolean; audioKept: boolean; trace: CommentVoiceTrace | null };

/**
 * The voice comments among `commentIds`, by comment id (typed comments are not in it): one
 * statement for the whole window of a thread, none when it has no comments.
 */
export async function listCommentVoices(commentIds: readonly string[]): Promise<ReadonlyMap<string, CommentVoice>> {
  if (commentIds.length === 0) return new Map();
  // One statement with its two people joined (Prisma's nested selects would send three).
  const rows = await db.$queryRaw<
    Array<{ commentId: string; transcribed: boolean; audioKept: boolean; machineTranscript: boolean; readBack: boolean; transcribedBy: string | null; confirmedBy: string | null }>
  >`
    SELECT v."commentId", v."transcribedAt" IS NOT NULL AS "transcribed", v."audioDeletedAt" IS NULL AS "audioKept",
           v."machineTranscript", v."readBackConfirmedAt" IS NOT NULL AS "readBack",
           CASE WHEN t."deletedAt" IS NULL THEN t."displayName" END AS "transcribedBy",
           CASE WHEN c."deletedAt" IS NULL THEN c."displayName" END AS "confirmedBy"
    FROM "VoiceMessage" v
    LEFT JOIN "User" t ON t.id = v."transcribedById"
    LEFT JOIN "User" c ON c.id = v."confirmedById"
    WHERE v."commentId" = ANY(${[...commentIds]}::uuid[])`;
  return new Map(
    rows.map(({ commentId, transcribed, audioKept, ...trace }) => [commentId, { transcribed, audioKept, trace: transcribed ? trace : null }]),
  );
}
