import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { pollResource } from "./poll-resource";

export const checkPollTextInput = z.object({ pollId: z.uuid(), language: languageTagSchema });

/**
 * The host team confirms that a volunteer's version of a poll's question and answers says what
 * the original says, as it checks volunteers' translations of the dialogue's other texts
 * (checkTranslation): the same permission (`translation:check`), a second pair of eyes — nobody
 * checks their own — and only a volunteer's version (the host team's words and a machine's are
 * not checked). Checking a checked one again changes nothing. A poll never changes, so a check
 * never becomes outdated; the volunteer's own version is theirs to change only until it is
 * checked (translatePoll), and the host team's words written over it end the check (savePollText).
 */
export async function checkPollText(viewer: Viewer | null, input: z.input<typeof checkPollTextInput>) {
  const { pollId, language } = parseInput(checkPollTextInput, input);
  const { poll, resource } = await pollResource(pollId);
  authorize(viewer, "translation:check", resource);
  const version = await db.pollText.findUnique({ where: { pollId_language: { pollId: poll.id, language } }, select: { id: true, method: true, writtenById: true } });
  if (!version || version.method !== "VOLUNTEER") throw new AppError("NOT_FOUND", "no volunteer's version in this language");
  if (version.writtenById === viewer.id) throw new AppError("FORBIDDEN", "own translation");
  // Conditional on the row as it is now: a version the host team replaced meanwhile is not checked.
  await db.pollText.updateMany({ where: { id: version.id, method: "VOLUNTEER", checkedAt: null }, data: { checkedById: viewer.id, checkedAt: new Date() } });
  return db.pollText.findUniqueOrThrow({ where: { id: version.id }, select: { id: true, method: true, checkedById: true, checkedAt: true } });
}
