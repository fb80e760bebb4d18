import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { contentLanguage } from "@/lib/host-texts/pick-host-text";
import { locales } from "@/lib/i18n/routing";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { consume } from "@/lib/rate-limit";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { parseInput } from "@/lib/validation";
import { machineTranslationOnce } from "./machine-translation-claim";
import { machineTranslatorFromEnv, type MachineTranslator } from "./machine-translator";
import {
  assertTargetLanguage,
  exactlyOneTarget,
  subjectOf,
  targetInput,
  translationTarget,
  TRANSLATION_MAX,
  type TranslatedFields,
  type TranslationTarget,
} from "./translation-target";

/** The fields of a request, for forms that name their text besides the page they stand on. */
export const machineTranslateFields = targetInput.extend({ language: languageTagSchema });
export const machineTranslateInput = machineTranslateFields.refine(exactlyOneTarget, { message: "validation.invalid", path: ["contributionId"] });

/** Whether the operator has set up machine translation (the UI offers it only then). */
export function machineTranslationEnabled(): boolean {
  return machineTranslatorFromEnv() !== null;
}

const select = { id: true, language: true, method: true, title: true, summary: true, place: true, codeOfConduct: true, body: true } as const;

async function translateFields(translator: MachineTranslator, target: TranslationTarget, language: string): Promise<TranslatedFields> {
  const entries = await Promise.all(
    // A machine may run long; each field is cut to the stored limit.
    (Object.keys(TRANSLATION_MAX) as (keyof TranslatedFields)[]).map(async (field) => {
      const text = target.original[field];
      return [field, text === null ? null : (await translator.translate(text, target.language, language)).slice(0, TRANSLATION_MAX[field])] as const;
    }),
  );
  return Object.fromEntries(entries) as TranslatedFields;
}

type Where = TranslationTarget["where"] & { language: string };
function storedTranslation(where: Where) {
  return db.translation.findFirst({ where, select });
}

/**
 * A signed-in reader has a text machine-translated into their language (any UI language, or
 * one of the dialogue's). Each (text, language) is translated once and kept: when a translation
 * exists, of any kind, it is returned and nothing is sent. No database connection is held while
 * the service works (decision 026), and concurrent requests share one call, across processes
 * too (machineTranslationOnce). Sending text away goes only to the operator's own service:
 * without one, this refuses before anything is sent. Limited per person (LIMITS.machineTranslationsPerPerson), counted
 * only when the service may be asked.
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
  const existing = await storedTranslation(where);
  if (existing) return existing;
  await consume("machineTranslationsPerPerson", viewer.id);

  const { column, id } = subjectOf(data);
  return machineTranslationOnce(`translation:${column}:${id}:${data.language}`, {
    stored: () => storedTranslation(where),
    translate: async () => {
      const fields = await translateFields(translator, target, data.language);
      try {
        return await db.translation.create({ data: { ...where, ...fields, method: "MACHINE", translatorId: null }, select });
      } catch (error) {
        // A volunteer's translation came first: theirs is kept.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return (await storedTranslation(where))!;
        throw error;
      }
    },
  });
}
