"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { commentAnchor } from "@/lib/comments/comment-link";
import { slugSchema } from "@/lib/dialogues/slug";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";
import { addTranslation, addTranslationInput } from "@/lib/translations/add-translation";
import { checkTranslation, checkTranslationInput } from "@/lib/translations/check-translation";
import { machineTranslate, machineTranslateInput } from "@/lib/translations/machine-translate";

// The page's own actions file belongs to comments and supports; translations post here.
const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema, contributionId: z.uuid() });
type Page = z.output<typeof page>;
// A comment's form names both the page's contribution and the comment; the comment is translated.
const target = page.extend({ commentId: z.uuid().optional() });

/** Back to the contribution page; `to` a comment's commentAnchor(), on the page that holds it. */
function back({ locale, municipality, dialogue, contributionId }: Page, to = ""): never {
  refresh();
  return redirect({ href: `/${municipality}/${dialogue}/c/${contributionId}${to}`, locale });
}

export const addTranslationAction = formAction(
  addTranslationInput.safeExtend(target.shape),
  async ({ locale, municipality, dialogue, contributionId, commentId, language, title, body }, { viewer }): Promise<void> => {
    await addTranslation(viewer, commentId ? { commentId, language, body } : { contributionId, language, title, body });
    back({ locale, municipality, dialogue, contributionId }, commentId ? commentAnchor(commentId) : undefined);
  },
);

export const machineTranslateAction = formAction(
  machineTranslateInput.safeExtend(target.shape),
  async ({ locale, municipality, dialogue, contributionId, commentId, language }, { viewer }): Promise<void> => {
    await machineTranslate(viewer, commentId ? { commentId, language } : { contributionId, language });
    back({ locale, municipality, dialogue, contributionId }, commentId ? commentAnchor(commentId) : undefined);
  },
);

export const checkTranslationAction = formAction(
  checkTranslationInput.extend(page.shape),
  async ({ translationId, ...where }, { viewer }): Promise<void> => {
    await checkTranslation(viewer, { translationId });
    back(where);
  },
);
