import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { machineTranslatorFromEnv, type MachineTranslator } from "./machine-translator";
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

export const machineTranslateInput = targetInput
  .extend({ language: z.string().regex(LANGUAGE_CODE) })
  .refine(exactlyOneTarget, { message: "validation.invalid", path: ["contributionId"] });

/** Whether the operator has set up machine translation (the UI offers it only then). */
export function machineTranslationEnabled(): boolean {
  return machineTranslatorFromEnv() !== null;
}

/**
 * The host team has a text machine-translated into a language nobody has translated it into
 * yet; it is stored as MACHINE and shown labelled as such. Sending text away is the host team's
 * decision, and only to the operator's own service: without one, this refuses before anything is sent.
 */
export async function machineTranslate(
  viewer: Viewer | null,
  input: z.input<typeof machineTranslateInput>,
  translator: MachineTranslator | null = machineTranslatorFromEnv(),
) {
  const data = parseInput(machineTranslateInput, input);
  const target = await translationTarget(data);
  // Machine translation is the host team's call, as is checking translations.
  authorize(viewer, "translation:check", target.resource);
  assertTargetLanguage(target, data.language);
  if (!translator) throw new AppError("UNAVAILABLE", "machine translation is not configured");
  if (await db.translation.findFirst({ where: { ...target.where, language: data.language }, select: { id: true } })) throw alreadyTranslated();

  const [title, body] = await Promise.all([
    target.title === null ? null : translator.translate(target.title, target.language, data.language),
    translator.translate(target.body, target.language, data.language),
  ]);
  try {
    return await db.translation.create({
      // A machine may run long; the stored limits are the database's.
      data: {
        ...target.where,
        language: data.language,
        title: title?.slice(0, TRANSLATION_TITLE_MAX) ?? null,
        body: body.slice(0, TRANSLATION_BODY_MAX),
        method: "MACHINE",
        translatorId: null,
      },
      select: { id: true, language: true, method: true, title: true, body: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyTranslated();
    throw error;
  }
}
