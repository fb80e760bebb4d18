import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { alreadyTranslated, assertTargetLanguage } from "@/lib/translations/translation-target";
import { parseInput } from "@/lib/validation";
import { pollResource } from "./poll-resource";
import { savePollTextInput } from "./save-poll-text";

export const translatePollInput = savePollTextInput;

/**
 * A volunteer translates a poll's question and answers into another of the dialogue's
 * languages, as they translate its other texts (addTranslation): the same permission
 * (`translation:create`), one version per language, marked VOLUNTEER with its writer so every
 * page says a person translated it. It may be written over by the same volunteer until the host
 * team has checked it (checkPollText), and by anyone when it is a machine's; never the host
 * team's own words (AUTHOR), nor another volunteer's. The host team's words replace a
 * volunteer's (savePollText).
 */
export async function translatePoll(viewer: Viewer | null, input: z.input<typeof translatePollInput>) {
  const data = parseInput(translatePollInput, input);
  const { poll, resource } = await pollResource(data.pollId);
  authorize(viewer, "translation:create", resource);
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: poll.dialogueId }, select: { languages: true } });
  assertTargetLanguage({ language: dialogue.languages[0] ?? "de", languages: dialogue.languages }, data.language);
  if (data.answers.length !== poll.options.length) throw new AppError("INVALID_INPUT", "invalid input");
  const written = { question: data.question, answers: data.answers, method: "VOLUNTEER" as const, writtenById: viewer.id };
  const key = { pollId: poll.id, language: data.language };
  const existing = await db.pollText.findUnique({ where: { pollId_language: key }, select: { id: true } });
  if (existing) {
    // Conditional on the row as it is now: the host team's words or another hand in between refuse.
    const { count } = await db.pollText.updateMany({
      where: { id: existing.id, OR: [{ method: "MACHINE" }, { method: "VOLUNTEER", writtenById: viewer.id, checkedAt: null }] },
      data: written,
    });
    if (count === 0) throw alreadyTranslated();
    return;
  }
  try {
    await db.pollText.create({ data: { ...key, dialogueId: poll.dialogueId, ...written }, select: { id: true } });
  } catch (error) {
    // Someone else wrote this language at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyTranslated();
    throw error;
  }
}
