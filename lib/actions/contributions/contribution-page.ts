"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { createComment, createCommentInput } from "@/lib/comments/create-comment";
import { deleteComment, deleteCommentInput } from "@/lib/comments/delete-comment";
import { updateComment, updateCommentInput } from "@/lib/comments/update-comment";
import { updateContribution, updateContributionInput } from "@/lib/contributions/update-contribution";
import { withdrawContribution, withdrawContributionInput } from "@/lib/contributions/withdraw-contribution";
import { slugSchema } from "@/lib/dialogues/slug";
import { setFlash } from "@/lib/flash/flash";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { giveSupport } from "@/lib/supports/give-support";
import { withdrawSupport } from "@/lib/supports/withdraw-support";

// Where to come back to: server actions cannot read the route's params, so each form names them.
const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema, contributionId: z.uuid() });
type Page = z.output<typeof page>;

/** Back to the contribution page; `to` a place on it: a fragment ("supports") or a comment. */
function back({ locale, municipality, dialogue, contributionId }: Page, to: { hash?: string; commentId?: string } = {}): never {
  // A redirect to the same page (only the #fragment differs) does not fetch it again by itself.
  refresh();
  const at = dialoguePaths(municipality, dialogue);
  return redirectTo(locale, to.commentId ? at.comment(contributionId, to.commentId) : withQuery(at.contribution(contributionId), {}, to.hash));
}

/**
 * With JavaScript the form says so (`js`), and the new counts come back in place; without it,
 * the browser posted a plain form and is sent back to the page (post/redirect/get).
 */
export const supportAction = formAction(
  page.extend({ intent: z.enum(["give", "withdraw"]), js: z.literal("1").optional() }),
  async ({ intent, js, ...where }, { viewer }) => {
    const input = { contributionId: where.contributionId };
    const result = intent === "give" ? await giveSupport(viewer, input) : await withdrawSupport(viewer, input);
    if (!js) back(where, { hash: "supports" });
    return result;
  },
);

export const createCommentAction = formAction(
  createCommentInput.extend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    await createComment(viewer, input);
    // The page opens at its confirmation, which says the comment is published.
    await setFlash("commented");
    back({ locale, municipality, dialogue, contributionId: input.contributionId }, { hash: "flash" });
  },
);

export const updateCommentAction = formAction(updateCommentInput.extend(page.shape), async ({ commentId, body, ...where }, { viewer }): Promise<void> => {
  await updateComment(viewer, { commentId, body });
  back(where, { commentId });
});

export const deleteCommentAction = formAction(deleteCommentInput.extend(page.shape), async ({ commentId, ...where }, { viewer }): Promise<void> => {
  await deleteComment(viewer, { commentId });
  back(where, { commentId });
});

export const updateContributionAction = formAction(
  updateContributionInput.extend(page.omit({ contributionId: true }).shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    await updateContribution(viewer, input);
    back({ locale, municipality, dialogue, contributionId: input.contributionId });
  },
);

export const withdrawContributionAction = formAction(
  withdrawContributionInput.extend({ ...page.omit({ contributionId: true }).shape, confirm: z.literal("on", { error: "validation.required" }) }),
  async ({ locale, municipality, dialogue, contributionId }, { viewer }): Promise<void> => {
    await withdrawContribution(viewer, { contributionId });
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).home, { withdrawn: "1" }));
  },
);
