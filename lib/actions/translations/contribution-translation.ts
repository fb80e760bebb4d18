"use server";

import { z } from "zod";
import { pageAction } from "@/lib/actions/form-action";
import type { DialoguePaths, Path } from "@/lib/routes/paths";
import { addTranslation, translationFields } from "@/lib/translations/add-translation";
import { checkTranslation, checkTranslationInput } from "@/lib/translations/check-translation";
import { machineTranslate, machineTranslateFields } from "@/lib/translations/machine-translate";

// The forms of a contribution's page, bound to its reference where they are rendered (decision 042).
// A comment's or an answer's form names that text besides the page's contribution; the text is translated.
const target = z.object({ contributionId: z.uuid(), commentId: z.uuid().optional(), responseId: z.uuid().optional(), moderationActionId: z.uuid().optional() });
type Target = z.output<typeof target>;

/** The one text the form names, and where on the page it is. */
function subject({ contributionId, commentId, responseId, moderationActionId }: Target, paths: DialoguePaths): { where: Record<string, string>; anchor?: Path | `#${string}` } {
  // A moderation reason stands in the notice at the top of its contribution's page (or at its comment).
  if (moderationActionId) return { where: { moderationActionId } };
  if (commentId) return { where: { commentId }, anchor: paths.comment(contributionId, commentId) };
  if (responseId) return { where: { responseId }, anchor: `#response-${responseId}` };
  return { where: { contributionId } };
}

export const addTranslationAction = pageAction(
  // The page's contribution is always named; the text is the one subject() picks.
  translationFields.extend(target.shape),
  async ({ contributionId, commentId, responseId, moderationActionId, language, title, body }, { viewer, paths, back }): Promise<void> => {
    const { where, anchor } = subject({ contributionId, commentId, responseId, moderationActionId }, paths);
    await addTranslation(viewer, { ...where, language, body, ...(where.contributionId ? { title } : {}) });
    back(anchor);
  },
);

export const machineTranslateAction = pageAction(
  machineTranslateFields.extend(target.shape),
  async ({ contributionId, commentId, responseId, moderationActionId, language }, { viewer, paths, back }): Promise<void> => {
    const { where, anchor } = subject({ contributionId, commentId, responseId, moderationActionId }, paths);
    await machineTranslate(viewer, { ...where, language });
    back(anchor);
  },
);

export const checkTranslationAction = pageAction(checkTranslationInput, async ({ translationId }, { viewer, back }): Promise<void> => {
  await checkTranslation(viewer, { translationId });
  back();
});
