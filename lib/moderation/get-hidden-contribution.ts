import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/policy/policy";
import { getHideNotice } from "./get-hide-notice";
import { publishedDialogue } from "@/lib/policy/visibility";

const inputSchema = z.object({ contributionId: z.uuid(), dialogueId: z.uuid() });

/**
 * A hidden contribution of a public dialogue, as its page shows it: to the author and the
 * moderators its words and why it was hidden; to everyone else only that it was hidden and the
 * category. Null when there is no hidden contribution there.
 */
export async function getHiddenContribution(viewer: Viewer | null, input: { contributionId: string; dialogueId: string }) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return null;
  const found = await db.contribution.findFirst({
    where: { id: parsed.data.contributionId, dialogueId: parsed.data.dialogueId, hiddenAt: { not: null }, withdrawnAt: null, dialogue: publishedDialogue.where },
    select: { id: true, title: true, body: true, language: true, hiddenCategory: true },
  });
  if (!found?.hiddenCategory) return null;
  const notice = await getHideNotice(viewer, { itemType: "contribution", itemId: found.id });
  const { title, body, ...rest } = found;
  return { ...rest, category: found.hiddenCategory, text: notice ? { title, body } : null, notice };
}
