"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { addTranslation, translationFields } from "@/lib/translations/add-translation";
import { checkTranslation, checkTranslationInput } from "@/lib/translations/check-translation";
import { machineTranslate, machineTranslateFields } from "@/lib/translations/machine-translate";

// The page's own actions file belongs to comments and supports; translations post here.
const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema, contributionId: z.uuid() });
type Page = z.output<typeof page>;
// A comment's or an answer's form names both the page's contribution and that text; the text is translated.
const target = page.extend({ commentId: z.uuid().optional(), responseId: z.uuid().optional(), moderationActionId: z.uuid().optional() });
type Target = { commentId?: string; responseId?: string; moderationActionId?: string };

/** The one text the form names, and where on the page it is. */
function subject({ contributionId, commentId, responseId, moderationActionId }: Target & { contributionId: string }) {
  // A moderation reason stands in the notice at the top of its contribution's page (or at its comment).
  if (moderationActionId) return { where: { moderationActionId }, anchor: undefined };
  if (commentId) return { where: { commentId }, anchor: { commentId } };
  if (responseId) return { where: { responseId }, anchor: { hash: `response-${responseId}` } };
  return { where: { contributionId }, anchor: undefined };
}

/** Back to the contribution page; `to` a comment (on the page that holds it) or a fragment. */
function back({ locale, municipality, dialogue, contributionId }: Page, to: { hash?: string; commentId?: string } = {}): never {
  refresh();
  const at = dialoguePaths(municipality, dialogue);
  return redirectTo(locale, to.commentId ? at.comment(contributionId, to.commentId) : withQuery(at.contribution(contributionId), {}, to.hash));
}

export const addTranslationAction = formAction(
  // The page's contribution is always named; the text is the one subject() picks.
  translationFields.extend(target.shape),
  async ({ locale, municipality, dialogue, contributionId, commentId, responseId, moderationActionId, language, title, body }, { viewer }): Promise<void> => {
    const { where, anchor } = subject({ contributionId, commentId, responseId, moderationActionId });
    await addTranslation(viewer, { ...where, language, body, ...(where.contributionId ? { title } : {}) });
    back({ locale, municipality, dialogue, contributionId }, anchor);
  },
);

export const machineTranslateAction = formAction(
  machineTranslateFields.extend(target.shape),
  async ({ locale, municipality, dialogue, contributionId, commentId, responseId, moderationActionId, language }, { viewer }): Promise<void> => {
    const { where, anchor } = subject({ contributionId, commentId, responseId, moderationActionId });
    await machineTranslate(viewer, { ...where, language });
    back({ locale, municipality, dialogue, contributionId }, anchor);
  },
);

export const checkTranslationAction = formAction(
  checkTranslationInput.extend(page.shape),
  async ({ translationId, ...where }, { viewer }): Promise<void> => {
    await checkTranslation(viewer, { translationId });
    back(where);
  },
);
