import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contentLanguage } from "@/lib/host-texts/pick-host-text";
import { locales } from "@/lib/i18n/routing";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { consume } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { machineTranslatorFromEnv, type MachineTranslator } from "./machine-translator";
import {
  assertTargetLanguage,
  exactlyOneTarget,
  LANGUAGE_CODE,
  subjectOf,
  targetInput,
  translationTarget,
  TRANSLATION_BODY_MAX,
  TRANSLATION_CODE_OF_CONDUCT_MAX,
  TRANSLATION_PLACE_MAX,
  TRANSLATION_SUMMARY_MAX,
  TRANSLATION_TITLE_MAX,
  type TranslatedFields,
  type TranslationTarget,
} from "./translation-target";

/** The fields of a request, for forms that name their text besides the page they stand on. */
export const machineTranslateFields = targetInput.extend({ language: z.string().regex(LANGUAGE_CODE) });
export const machineTranslateInput = machineTranslateFields.refine(exactlyOneTarget, { message: "validation.invalid", path: ["contributionId"] });

/** Whether the operator has set up machine translation (the UI offers it only then). */
export function machineTranslationEnabled(): boolean {
  return machineTranslatorFromEnv() !== null;
}

const select = { id: true, language: true, method: true, title: true, summary: true, place: true, codeOfConduct: true, body: true } as const;
// A machine may run long; the stored limits are the database's.
const LIMITS: Record<keyof TranslatedFields, number> = {
  title: TRANSLATION_TITLE_MAX,
  summary: TRANSLATION_SUMMARY_MAX,
  place: TRANSLATION_PLACE_MAX,
  codeOfConduct: TRANSLATION_CODE_OF_CONDUCT_MAX,
  body: TRANSLATION_BODY_MAX,
};

async function translateFields(translator: MachineTranslator, target: TranslationTarget, language: string): Promise<TranslatedFields> {
  const entries = await Promise.all(
    (Object.keys(LIMITS) as (keyof TranslatedFields)[]).map(async (field) => {
      const text = target.original[field];
      return [field, text === null ? null : (await translator.translate(text, target.language, language)).slice(0, LIMITS[field])] as const;
    }),
  );
  return Object.fromEntries(entries) as TranslatedFields;
}

/**
 * A signed-in reader has a text machine-translated into their language (any UI language, or
 * one of the dialogue's). Each (text, language) is translated once and kept: when a translation
 * exists, of any kind, it is returned and nothing is sent. Concurrent requests for the same pair
 * wait on one transaction-scoped advisory lock, so the service is called once. Sending text away
 * goes only to the operator's own service: without one, this refuses before anything is sent.
 * Limited per person (LIMITS.machineTranslationsPerPerson), counted only when the service is asked.
 */
export async function machineTranslate(
  viewer: Viewer | null,
  input: z.input<typeof machineTranslateInput>,
  translator: MachineTranslator | null = machineTranslatorFromEnv(),
) {
  const data = parseInput(machineTranslateInput, input);
  const target = await translationTarget(data);
  authorize(viewer, target.permissions.request, target.resource);
  // UI languages as content languages: Einfache Sprache reads German (no service knows "de-simple").
  assertTargetLanguage({ language: target.language, languages: [...new Set([...locales.map(contentLanguage), ...target.languages])] }, data.language);
  if (!translator) throw new AppError("UNAVAILABLE", "machine translation is not configured");
  const where = { ...target.where, language: data.language };
  const existing = await db.translation.findFirst({ where, select });
  if (existing) return existing;
  await consume("machineTranslationsPerPerson", viewer!.id);

  const { column, id } = subjectOf(data);
  const lockKey = `translation:${column}:${id}:${data.language}`;
  // The service may take its time (20 s per call at most): the wait and the hold are longer than that.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
      const made = await tx.translation.findFirst({ where, select });
      if (made) return made;
      const fields = await translateFields(translator, target, data.language);
      return tx.translation.create({ data: { ...where, ...fields, method: "MACHINE", translatorId: null }, select });
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}
