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
import { machineTranslationOnce } from "@/lib/translations/machine-translation-claim";
import { machineTranslatorFromEnv, type MachineTranslator } from "@/lib/translations/machine-translator";
import { assertTargetLanguage } from "@/lib/translations/translation-target";
import { parseInput } from "@/lib/validation";
import { POLL_ANSWER_MAX, POLL_QUESTION_MAX } from "./create-poll";

export const machineTranslatePollsInput = z.object({ dialogueId: z.uuid(), language: languageTagSchema });

/** The languages a dialogue's polls may be machine-translated into: every UI language (as a content language) and the dialogue's own. */
function targetLanguages(dialogueLanguages: readonly string[]): string[] {
  return [...new Set([...locales.map(contentLanguage), ...dialogueLanguages])];
}

/**
 * With the dialogue's own texts, a signed-in reader has its polls machine-translated into their
 * language (the same permission, languages and per-person limit as the dialogue's texts): each
 * poll that has no version in that language gets one, question and answers, marked MACHINE so
 * every page says so. A version that exists — the host team's, a volunteer's or a machine's — is
 * kept and nothing is sent; the host team's words later replace a machine's (savePollText).
 * Readers who ask at the same time wait for one translation (translatePollsInto). Returns how
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
  assertTargetLanguage({ language: original, languages: targetLanguages(dialogue.languages) }, language);
  if (!translator) throw new AppError("UNAVAILABLE", "machine translation is not configured");
  if ((await missingPolls(dialogueId, language)).length === 0) return { translated: 0 };
  await consume("machineTranslationsPerPerson", viewer.id);
  return translatePollsInto({ dialogueId, original, language, translator });
}

export type PollMachineTranslationJob = { pollId: string };

/**
 * The job queued when the host team adds a poll (createPoll): the new poll alone is
 * machine-translated into each language readers have already had the dialogue's texts or its
 * other polls machine-translated into, so they find it in their language without asking again
 * and nothing else is sent a second time. Languages the dialogue's texts exist in only by hand
 * (the host team's, a volunteer's) are left to those hands. A poll another run is translating
 * into a language meanwhile fails the job, and the queue tries again later.
 */
export async function machineTranslateNewPoll(job: PollMachineTranslationJob, translator: MachineTranslator | null = machineTranslatorFromEnv()) {
  if (!translator) return { translated: 0 };
  const poll = await db.poll.findUnique({ where: { id: job.pollId }, select: { id: true, dialogueId: true, dialogue: { select: { languages: true } } } });
  if (!poll) return { translated: 0 };
  const original = poll.dialogue.languages[0] ?? "de";
  const allowed = new Set(targetLanguages(poll.dialogue.languages));
  const rows = await db.$queryRaw<{ language: string }[]>`
    SELECT t."language" FROM "Translation" t WHERE t."dialogueId" = ${poll.dialogueId}::uuid AND t."method" = 'MACHINE'
    UNION
    SELECT p."language" FROM "PollText" p WHERE p."dialogueId" = ${poll.dialogueId}::uuid AND p."pollId" <> ${poll.id}::uuid AND p."method" = 'MACHINE'
    ORDER BY 1`;
  const languages = rows.map((row) => row.language).filter((language) => language !== original && allowed.has(language));
  let translated = 0;
  for (const language of languages) {
    translated += (await translatePollsInto({ dialogueId: poll.dialogueId, original, language, translator, pollId: poll.id })).translated;
  }
  if ((await db.pollText.count({ where: { pollId: poll.id, language: { in: languages } } })) < languages.length) {
    throw new AppError("UNAVAILABLE", "another instance is translating this dialogue's polls; try again in a moment");
  }
  return { translated, languages: languages.length };
}

function missingPolls(dialogueId: string, language: string, pollId?: string) {
  return db.poll.findMany({
    where: { dialogueId, ...(pollId ? { id: pollId } : {}), texts: { none: { language } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, question: true, options: { orderBy: { position: "asc" }, select: { label: true } } },
  });
}

/**
 * Machine-translates the polls of a dialogue that lack `language` (or only `pollId`), once
 * however many ask: one claim on `polls:<dialogueId>:<language>` across app instances, and in
 * this process whoever asks meanwhile waits for the same run (machineTranslationOnce, as every
 * other machine translation). No connection is held while the machine works.
 */
async function translatePollsInto(input: { dialogueId: string; original: string; language: string; translator: MachineTranslator; pollId?: string }): Promise<{ translated: number }> {
  const { dialogueId, original, language, translator, pollId } = input;
  let translated = 0;
  // A run this one waited for may have covered less (one new poll, or polls as they were before
  // one was added): then once more, for what is still missing.
  for (let attempt = 0; attempt < 2; attempt++) {
    let missing: Awaited<ReturnType<typeof missingPolls>> = [];
    translated += (
      await machineTranslationOnce(`polls:${dialogueId}:${language}`, {
        stored: async () => {
          missing = await missingPolls(dialogueId, language, pollId);
          return missing.length === 0 ? { translated: 0 } : null;
        },
        translate: async () => {
          const made = await Promise.all(
            missing.map(async (poll) => ({
              pollId: poll.id,
              question: (await translator.translate(poll.question, original, language)).slice(0, POLL_QUESTION_MAX),
              answers: await Promise.all(poll.options.map(async (option) => (await translator.translate(option.label, original, language)).slice(0, POLL_ANSWER_MAX))),
            })),
          );
          // Someone else's version written meanwhile (the host team's, a volunteer's) stays.
          const { count } = await db.pollText.createMany({
            data: made.map((text) => ({ ...text, dialogueId, language, method: "MACHINE" as const, writtenById: null })),
            skipDuplicates: true,
          });
          return { translated: count };
        },
      })
    ).translated;
    if ((await missingPolls(dialogueId, language, pollId)).length === 0) break;
  }
  return { translated };
}
