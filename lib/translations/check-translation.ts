import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { translationTarget } from "./translation-target";

export const checkTranslationInput = z.object({ translationId: z.uuid() });

/**
 * The host team confirms a translation says what the original says. A second pair of eyes:
 * nobody checks their own translation. Checking again changes nothing.
 */
export async function checkTranslation(viewer: Viewer | null, input: z.input<typeof checkTranslationInput>) {
  const { translationId } = parseInput(checkTranslationInput, input);
  const translation = await db.translation.findUnique({
    where: { id: translationId },
    select: { id: true, contributionId: true, commentId: true, translatorId: true },
  });
  if (!translation) throw new AppError("NOT_FOUND", "translation not found");
  const target = await translationTarget({ contributionId: translation.contributionId ?? undefined, commentId: translation.commentId ?? undefined });
  authorize(viewer, "translation:check", target.resource);
  if (translation.translatorId === viewer!.id) throw new AppError("FORBIDDEN", "own translation");
  await db.translation.updateMany({ where: { id: translation.id, checkedAt: null }, data: { checkedById: viewer!.id, checkedAt: new Date() } });
  return db.translation.findUniqueOrThrow({ where: { id: translation.id }, select: { id: true, checkedById: true, checkedAt: true } });
}
