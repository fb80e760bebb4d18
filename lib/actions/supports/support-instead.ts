"use server";

import { z } from "zod";
import { formAction, IDLE } from "@/lib/actions/form-action";
import { contributionAddress } from "@/lib/contributions/find-similar-contributions";
import { isAppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { discardPendingPhotos } from "@/lib/images/pending-photos";
import { giveSupport } from "@/lib/supports/give-support";

const support = formAction(z.object({ supportInstead: z.uuid(), similarLocale: z.enum(locales) }), async ({ supportInstead, similarLocale }, { viewer }): Promise<void> => {
  // The photos kept over the offer (decision 061) will not be posted now: let go of them.
  if (viewer) await discardPendingPhotos(viewer.id);
  try {
    await giveSupport(viewer, { contributionId: supportInstead });
  } catch (error) {
    // A refusal (the phase moved on) lands on the contribution too, where the button shows what holds.
    if (!isAppError(error)) throw error;
  }
  const address = await contributionAddress(supportInstead);
  if (address) redirectTo(similarLocale, withQuery(dialoguePaths(address.dialogue).contribution(address.id), {}, "supports"));
});

/**
 * "Support this instead" beside a similar contribution on the post form (decision 051): a submit
 * button of the post form (formAction), so it works without JavaScript and nothing typed is sent
 * anywhere else. Lets go of the photos kept for the person's own post (decision 061), supports
 * under the rules of lib/supports and takes the person to the one they support.
 */
export async function supportInsteadAction(formData: FormData): Promise<void> {
  await support(IDLE, formData);
}
