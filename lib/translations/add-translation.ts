import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { parseInput } from "@/lib/validation";
import {
  alreadyTranslated,
  assertTargetLanguage,
  exactlyOneTarget,
  targetInput,
  translationTarget,
  TRANSLATION_MAX,
  type TranslatedFields,
  type TranslationTarget,
} from "./translation-target";

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** The fields of a translation, for forms that name their text besides the page they stand on. */
export const translationFields = targetInput.extend({
  language: languageTagSchema,
  title: optionalText(TRANSLATION_MAX.title),
  summary: optionalText(TRANSLATION_MAX.summary),
  place: optionalText(TRANSLATION_MAX.place),
  codeOfConduct: optionalText(TRANSLATION_MAX.codeOfConduct),
  body: z.string().trim().min(1).max(TRANSLATION_MAX.body),
});
export const addTranslationInput = translationFields.refine(exactlyOneTarget, { message: "validation.invalid", path: ["contributionId"] });

/** The fields this subject has, each required where the original has it (the code of conduct only when the dialogue has its own). */
function fieldsFor(target: TranslationTarget, data: z.output<typeof addTranslationInput>): TranslatedFields {
  const fieldErrors: Record<string, { key: string }[]> = {};
  const take = (name: "title" | "summary" | "place" | "codeOfConduct") => {
    if (target.original[name] === null) return null;
    const value = data[name] || null;
    if (!value) fieldErrors[name] = [{ key: "validation.required" }];
    return value;
  };
  const result = { title: take("title"), summary: take("summary"), place: take("place"), codeOfConduct: take("codeOfConduct"), body: data.body };
  if (Object.keys(fieldErrors).length) throw new AppError("INVALID_INPUT", "field missing", { fieldErrors });
  return result;
}

/**
 * A person translates a text into another of its languages, as a volunteer. One translation
 * per language. It may be written over by the same volunteer until the host team has checked
 * it; by anyone when it is a machine's that nobody checked, or when the original changed since
 * (then it needs checking again). A version its own author wrote (AUTHOR) is never written over.
 * Saving clears the outdated mark.
 */
export async function addTranslation(viewer: Viewer | null, input: z.input<typeof addTranslationInput>) {
  const data = parseInput(addTranslationInput, input);
  const target = await translationTarget(data);
  authorize(viewer, target.permissions.create, target.resource);
  assertTargetLanguage(target, data.language);
  const fields = fieldsFor(target, data);
  const select = { id: true, language: true, method: true, translatorId: true, outdatedAt: true, checkedAt: true } as const;
  const written = { ...fields, method: "VOLUNTEER" as const, translatorId: viewer.id, outdatedAt: null };

  const existing = await db.translation.findFirst({ where: { ...target.where, language: data.language }, select: { id: true } });
  if (existing) {
    // Conditional on the row as it is now: a check or another hand in between refuses.
    const { count } = await db.translation.updateMany({
      where: {
        id: existing.id,
        method: { not: "AUTHOR" },
        OR: [
          { method: "VOLUNTEER", translatorId: viewer.id, checkedAt: null },
          { method: "MACHINE", checkedAt: null },
          { outdatedAt: { not: null } },
        ],
      },
      data: { ...written, checkedAt: null, checkedById: null },
    });
    if (count === 0) throw alreadyTranslated();
    return db.translation.findUniqueOrThrow({ where: { id: existing.id }, select });
  }
  try {
    return await db.translation.create({ data: { ...target.where, language: data.language, ...written }, select });
  } catch (error) {
    // Someone else translated into the same language at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyTranslated();
    throw error;
  }
}
