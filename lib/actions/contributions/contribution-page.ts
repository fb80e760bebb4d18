"use server";

import { z } from "zod";
import { formInput, pageAction, textValues } from "@/lib/actions/form-action";
import { createComment, createCommentInput } from "@/lib/comments/create-comment";
import { deleteComment, deleteCommentInput } from "@/lib/comments/delete-comment";
import { updateComment, updateCommentInput } from "@/lib/comments/update-comment";
import { updateContribution, updateContributionInput } from "@/lib/contributions/update-contribution";
import { withdrawContribution, withdrawContributionInput } from "@/lib/contributions/withdraw-contribution";
import { setFlash } from "@/lib/flash/flash";
import { imageUploadsOf } from "@/lib/images/prepare-images";
import { removedPhotoIds } from "@/lib/images/limits";
import { withQuery } from "@/lib/routes/paths";
import { giveSupport } from "@/lib/supports/give-support";
import { withdrawSupport } from "@/lib/supports/withdraw-support";

// The forms on a contribution's page; each is bound to the page's reference where it is rendered
// (decision 042), and back() returns there.

/**
 * With JavaScript the page refreshes in place with the new counts (its address stays); without
 * it, the browser posted a plain form and is sent back to the page (post/redirect/get).
 */
export const supportAction = pageAction(
  z.object({ contributionId: z.uuid(), intent: z.enum(["give", "withdraw"]) }),
  async ({ intent, contributionId }, { viewer, refreshOrBack }): Promise<void> => {
    if (intent === "give") await giveSupport(viewer, { contributionId });
    else await withdrawSupport(viewer, { contributionId });
    await refreshOrBack("#supports");
  },
);

export const createCommentAction = pageAction(createCommentInput, async (input, { viewer, back }): Promise<void> => {
  await createComment(viewer, input);
  // The page opens at its confirmation, which says the comment is published.
  await setFlash("commented");
  back("#flash");
});

export const updateCommentAction = pageAction(updateCommentInput, async ({ commentId, body }, { viewer, page, paths, back }): Promise<void> => {
  await updateComment(viewer, { commentId, body });
  back("contributionId" in page ? paths.comment(page.contributionId, commentId) : undefined);
});

export const deleteCommentAction = pageAction(deleteCommentInput, async ({ commentId }, { viewer, page, paths, back }): Promise<void> => {
  await deleteComment(viewer, { commentId });
  back("contributionId" in page ? paths.comment(page.contributionId, commentId) : undefined);
});

// The text is checked by updateContribution, not by the wrapper, so that a refused photo is told in
// the same answer as a refused title (decision 055).
export const updateContributionAction = pageAction(z.object({}), async (_input, { viewer, formData, back }): Promise<void> => {
  await updateContribution(viewer, formInput(updateContributionInput, formData), await imageUploadsOf(formData), removedPhotoIds(textValues(formData)));
  back();
});

export const withdrawContributionAction = pageAction(
  withdrawContributionInput.extend({ confirm: z.literal(true, { error: "validation.required" }) }),
  async ({ contributionId }, { viewer, paths, back }): Promise<void> => {
    await withdrawContribution(viewer, { contributionId });
    back(withQuery(paths.home, { withdrawn: "1" }));
  },
);

