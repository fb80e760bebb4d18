import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import {
  alreadyTranslated,
  assertTargetLanguage,
  exactlyOneTarget,
  LANGUAGE_CODE,
  targetInput,
  translationTarget,
  TRANSLATION_BODY_MAX,
  TRANSLATION_TITLE_MAX,
} from "./translation-target";

export const addTranslationInput = targetInput
  .extend({
    language: z.string().regex(LANGUAGE_CODE),
    title: z.string().trim().max(TRANSLATION_TITLE_MAX).optional(),
    body: z.string().trim().min(1).max(TRANSLATION_BODY_MAX),
  })
  .refine(exactlyOneTarget, { message: "validation.invalid", path: ["contributionId"] });

/**
 * A member translates a contribution (title and text) or a comment into another language of
 * the dialogue, as a volunteer. One translation per language: the translator may improve their
 * own until the host team has checked it; anyone else's, or a checked one, stays.
 */
export async function addTranslation(viewer: Viewer | null, input: z.input<typeof addTranslationInput>) {
  const data = parseInput(addTranslationInput, input);
  const target = await translationTarget(data);
  authorize(viewer, "translation:create", target.resource);
  assertTargetLanguage(target, data.language);
  const title = target.kind === "contribution" ? data.title || null : null;
  if (target.kind === "contribution" && !title) {
    throw new AppError("INVALID_INPUT", "title missing", { fieldErrors: { title: [{ key: "validation.required" }] } });
  }
  const select = { id: true, language: true, method: true, translatorId: true } as const;

  const existing = await db.translation.findFirst({ where: { ...target.where, language: data.language }, select: { id: true } });
  if (existing) {
    // Conditional on the row as it is now: a check or another hand in between refuses.
    const { count } = await db.translation.updateMany({
      where: { id: existing.id, method: "VOLUNTEER", translatorId: viewer!.id, checkedAt: null },
      data: { title, body: data.body },
    });
    if (count === 0) throw alreadyTranslated();
    return db.translation.findUniqueOrThrow({ where: { id: existing.id }, select });
  }
  try {
    return await db.translation.create({
      data: { ...target.where, language: data.language, title, body: data.body, method: "VOLUNTEER", translatorId: viewer!.id },
      select,
    });
  } catch (error) {
    // Someone else translated into the same language at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyTranslated();
    throw error;
  }
}
