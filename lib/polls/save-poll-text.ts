import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { POLL_ANSWER_MAX, POLL_QUESTION_MAX } from "./create-poll";
import { pollResource } from "./poll-resource";

export const savePollTextInput = z.object({
  pollId: z.uuid(),
  language: languageTagSchema,
  question: z.string().trim().min(1).max(POLL_QUESTION_MAX),
  answers: z.array(z.string().trim().min(1).max(POLL_ANSWER_MAX)).min(1),
});

/**
 * The host team writes a poll's question and answers in another of the dialogue's languages
 * (one version per language; saving again replaces it), in every phase, as its other texts.
 */
export async function savePollText(viewer: Viewer | null, input: z.input<typeof savePollTextInput>) {
  const data = parseInput(savePollTextInput, input);
  const { poll, resource } = await pollResource(data.pollId);
  authorize(viewer, "poll-text:write", resource);
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: poll.dialogueId }, select: { languages: true } });
  const original = dialogue.languages[0] ?? "de";
  if (data.language === original || !dialogue.languages.includes(data.language)) {
    throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: { language: [{ key: "validation.invalid" }] } });
  }
  if (data.answers.length !== poll.options.length) throw new AppError("INVALID_INPUT", "invalid input");
  const key = { pollId: poll.id, language: data.language };
  await db.pollText.upsert({
    where: { pollId_language: key },
    create: { ...key, dialogueId: poll.dialogueId, question: data.question, answers: data.answers, method: "AUTHOR", writtenById: viewer.id },
    // The host team's words replace a machine's and a volunteer's, checked or not.
    update: { question: data.question, answers: data.answers, method: "AUTHOR", writtenById: viewer.id, checkedById: null, checkedAt: null },
    select: { id: true },
  });
}
