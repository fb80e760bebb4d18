import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { addTranslation } from "@/lib/translations/add-translation";
import { parseInput } from "@/lib/validation";
import { BODY_MAX, TITLE_MAX } from "@/lib/contributions/limits";
import { languageTagSchema } from "@/lib/i18n/language-tag";

/** What every transcript form asks besides the text (decisions 033, 046): read back, and the language of a volunteer's translation. */
export const transcriptCheckFields = {
  /** "Read back to the speaker, who confirmed it." */
  readBack: z.boolean().default(false),
  translationLanguage: languageTagSchema.optional(),
};

/**
 * Refuses a translation offered with a transcript unless it is in another of the dialogue's
 * languages than the one spoken and every one of its `fields` is filled; returns its language,
 * or null when none was offered.
 */
export function checkTranscriptTranslation(
  language: string | undefined,
  spoken: { language: string; dialogueLanguages: readonly string[] },
  fields: Record<string, string | undefined>,
): string | null {
  if (!language) return null;
  const fieldErrors: Record<string, { key: string }[]> = {};
  if (language === spoken.language || !spoken.dialogueLanguages.includes(language)) fieldErrors.translationLanguage = [{ key: "validation.invalid" }];
  for (const [name, value] of Object.entries(fields)) if (!value) fieldErrors[name] = [{ key: "validation.required" }];
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors });
  return language;
}

export const writeTranscriptInput = z.object({
  contributionId: z.uuid(),
  title: z.string().trim().min(1).max(TITLE_MAX),
  transcript: z.string().trim().min(1).max(BODY_MAX),
  ...transcriptCheckFields,
  translationTitle: z.string().trim().max(TITLE_MAX).optional(),
  translationBody: z.string().trim().max(BODY_MAX).optional(),
});

/**
 * A recorder or the host team writes (or checks) the transcript of a voice message in the
 * language it was spoken, and may add a translation (decision 033, with decision 008's trace):
 * the contribution gets its title and body, the voice message records who transcribed it (a
 * machine's unchanged text keeps its label, with the person who confirmed it), who confirmed it
 * and whether it was read back to the speaker; the translation is a volunteer's, named. A
 * confirmed transcript starts the audio's retention clock.
 */
export async function writeTranscript(viewer: Viewer | null, input: z.input<typeof writeTranscriptInput>) {
  const data = parseInput(writeTranscriptInput, input);
  const contribution = await db.contribution.findUnique({
    where: { id: data.contributionId },
    select: {
      dialogueId: true,
      authorId: true,
      language: true,
      body: true,
      withdrawnAt: true,
      dialogue: { select: { languages: true } },
      voiceMessage: { select: { id: true, machineDraft: true, machineTranscript: true, transcribedById: true, transcribedAt: true, readBackConfirmedAt: true } },
    },
  });
  if (!contribution?.voiceMessage || contribution.withdrawnAt) throw new AppError("NOT_FOUND", "voice message not found");
  authorize(viewer, "voice:transcribe", await dialogueResource(contribution.dialogueId, contribution.authorId));
  const voice = contribution.voiceMessage;

  const translationLanguage = checkTranscriptTranslation(
    data.translationLanguage,
    { language: contribution.language, dialogueLanguages: contribution.dialogue.languages },
    { translationTitle: data.translationTitle, translationBody: data.translationBody },
  );

  await db.$transaction(async (tx) => {
    await tx.contribution.update({
      where: { id: data.contributionId },
      data: { title: data.title, body: data.transcript, awaitingTranscript: false },
    });
    await tx.voiceMessage.update({ where: { id: voice.id }, data: transcriptTrace(voice, contribution.body, data.transcript, viewer.id, data.readBack) });
  });

  if (translationLanguage) {
    try {
      await addTranslation(viewer, { contributionId: data.contributionId, language: translationLanguage, title: data.translationTitle, body: data.translationBody! });
    } catch (error) {
      // The transcript is saved; the translation's own complaints go to its fields.
      if (isAppError(error, "INVALID_INPUT") && error.details.fieldErrors) {
        const errors = error.details.fieldErrors as Record<string, { key: string }[]>;
        throw new AppError("INVALID_INPUT", "translation refused", {
          fieldErrors: { translationLanguage: errors.language ?? [], translationTitle: errors.title ?? [], translationBody: errors.body ?? [] },
          transcriptSaved: 1,
        });
      }
      throw error;
    }
  }
  return { contributionId: data.contributionId, dialogueId: contribution.dialogueId };
}

/**
 * The voice message's trace for a transcript a person writes or confirms (decision 033), shared by
 * voice contributions and voice comments (046): the machine's words, confirmed as they were, stay
 * the machine's; changed, they are the person's. The draft (machineDraft) becomes the transcript
 * only now, by a person's confirmation.
 */
export function transcriptTrace(
  voice: { machineDraft: string | null; machineTranscript: boolean; transcribedAt: Date | null },
  currentText: string,
  transcript: string,
  viewerId: string,
  readBack: boolean,
  now = new Date(),
) {
  const confirmsDraft = voice.transcribedAt === null && voice.machineDraft !== null && voice.machineDraft.trim() === transcript;
  const keepsMachineText = voice.machineTranscript && voice.transcribedAt !== null && currentText.trim() === transcript;
  return {
    ...(confirmsDraft
      ? { transcribedById: null, transcribedAt: now, machineTranscript: true }
      : keepsMachineText
        ? {}
        : { transcribedById: viewerId, transcribedAt: now, machineTranscript: false }),
    machineDraft: null,
    confirmedById: viewerId,
    confirmedAt: now,
    readBackConfirmedAt: readBack ? now : null,
  };
}
