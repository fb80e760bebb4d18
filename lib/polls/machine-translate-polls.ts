import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contentLanguage } from "@/lib/host-texts/pick-host-text";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { locales } from "@/lib/i18n/routing";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { consume } from "@/lib/rate-limit";
import { machineTranslatorFromEnv, type MachineTranslator } from "@/lib/translations/machine-translator";
import { assertTargetLanguage } from "@/lib/translations/translation-target";
import { parseInput } from "@/lib/validation";
import { POLL_ANSWER_MAX, POLL_QUESTION_MAX } from "./create-poll";

export const machineTranslatePollsInput = z.object({ dialogueId: z.uuid(), language: languageTagSchema });

/**
 * With the dialogue's own texts, a signed-in reader has its polls machine-translated into their
 * language (the same permission, languages and per-person limit as the dialogue's texts): each
 * poll that has no version in that language gets one, question and answers, marked MACHINE so
 * every page says so. A version that exists — the host team's or a machine's — is kept and
 * nothing is sent; the host team's words later replace a machine's (savePollText). Returns how
 * many polls were translated.
 */
export async function machineTranslatePolls(
  viewer: Viewer | null,
  input: z.input<typeof machineTranslatePollsInput>,
  translator: MachineTranslator | null = machineTranslatorFromEnv(),
): Promise<{ translated: number }> {
  const { dialogueId, language } = parseInput(machineTranslatePollsInput, input);
  authorize(viewer, "translation:request", await dialogueResource(dialogueId));
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { languages: true } });
  const original = dialogue.languages[0] ?? "de";
  assertTargetLanguage({ language: original, languages: [...new Set([...locales.map(contentLanguage), ...dialogue.languages])] }, language);
  if (!translator) throw new AppError("UNAVAILABLE", "machine translation is not configured");
  const missing = await db.poll.findMany({
    where: { dialogueId, texts: { none: { language } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, question: true, options: { orderBy: { position: "asc" }, select: { label: true } } },
  });
  if (missing.length === 0) return { translated: 0 };
  await consume("machineTranslationsPerPerson", viewer.id);
  // No connection is held while the machine works: translated first, written after.
  const made = await Promise.all(
    missing.map(async (poll) => ({
      pollId: poll.id,
      question: (await translator.translate(poll.question, original, language)).slice(0, POLL_QUESTION_MAX),
      answers: await Promise.all(poll.options.map(async (option) => (await translator.translate(option.label, original, language)).slice(0, POLL_ANSWER_MAX))),
    })),
  );
  // Someone else's version written meanwhile (the host team's, or another reader's request) stays.
  const { count } = await db.pollText.createMany({
    data: made.map((text) => ({ ...text, dialogueId, language, method: "MACHINE" as const, writtenById: null })),
    skipDuplicates: true,
  });
  return { translated: count };
}
