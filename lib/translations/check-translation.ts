import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { storedSubject, subjectSelect, translationTarget } from "./translation-target";

export const checkTranslationInput = z.object({ translationId: z.uuid() });

/**
 * The host team confirms a translation says what the original says (for a moderation reason:
 * a moderator). A second pair of eyes: nobody checks their own translation. Checking clears the
 * outdated mark — the checker has read it against the original as it is now; checking a current,
 * checked one again changes nothing.
 */
export async function checkTranslation(viewer: Viewer | null, input: z.input<typeof checkTranslationInput>) {
  const { translationId } = parseInput(checkTranslationInput, input);
  const translation = await db.translation.findUnique({
    where: { id: translationId },
    select: {
      id: true,
      translatorId: true,
      ...subjectSelect,
    },
  });
  if (!translation) throw new AppError("NOT_FOUND", "translation not found");
  const target = await translationTarget(storedSubject(translation));
  authorize(viewer, target.permissions.check, target.resource);
  if (translation.translatorId === viewer.id) throw new AppError("FORBIDDEN", "own translation");
  await db.translation.updateMany({
    where: { id: translation.id, OR: [{ checkedAt: null }, { outdatedAt: { not: null } }] },
    data: { checkedById: viewer.id, checkedAt: new Date(), outdatedAt: null },
  });
  return db.translation.findUniqueOrThrow({ where: { id: translation.id }, select: { id: true, checkedById: true, checkedAt: true, outdatedAt: true } });
}
