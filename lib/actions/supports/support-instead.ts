"use server";

import { z } from "zod";
import { IDLE, pageAction, type DialoguePageRef } from "@/lib/actions/form-action";
import { contributionAddress } from "@/lib/contributions/find-similar-contributions";
import { isAppError } from "@/lib/errors";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { discardPendingPhotos } from "@/lib/images/pending-photos";
import { giveSupport } from "@/lib/supports/give-support";

const support = pageAction(z.object({ supportInstead: z.uuid() }), async ({ supportInstead }, { viewer, back }): Promise<void> => {
  // The photos kept over the offer (decision 061) will not be posted now: let go of them.
  if (viewer) await discardPendingPhotos(viewer.id);
  try {
    await giveSupport(viewer, { contributionId: supportInstead });
  } catch (error) {
    // A refusal (the phase moved on) lands on the contribution too, where the button shows what holds.
    if (!isAppError(error)) throw error;
  }
  const address = await contributionAddress(supportInstead);
  if (address) back(withQuery(dialoguePaths(address.dialogue).contribution(address.id), {}, "supports"));
});

/**
 * "Support this instead" beside a similar contribution on the post form (decision 051): a submit
 * button of the post form, bound to the form's page where the page renders it (decision 042), so
 * it works without JavaScript and nothing typed is sent anywhere else. Lets go of the photos kept
 * for the person's own post (decision 061), supports under the rules of lib/supports and takes
 * the person to the one they support, in the page's language. A forged page reference is
 * refused before anything is let go of or supported.
 */
export async function supportInsteadAction(page: DialoguePageRef, formData: FormData): Promise<void> {
  await support(page, IDLE, formData);
}
