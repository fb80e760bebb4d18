"use server";

import { z } from "zod";
import { formAction, IDLE } from "@/lib/actions/form-action";
import { contributionAddress } from "@/lib/contributions/find-similar-contributions";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { discardPendingPhotos } from "@/lib/images/pending-photos";
import { giveSupport } from "@/lib/supports/give-support";

const input = z.object({ supportInstead: z.uuid(), similarLocale: z.enum(locales) });

const support = formAction(input, async ({ supportInstead }, { viewer }) => {
  // The photos kept over the offer (decision 061) will not be posted now: let go of them.
  if (viewer) await discardPendingPhotos(viewer.id);
  await giveSupport(viewer, { contributionId: supportInstead });
});

/**
 * "Support this instead" beside a similar contribution on the post form (decision 051): a submit
 * button of the post form (formAction), so it works without JavaScript and nothing typed is sent
 * anywhere else. Lets go of the photos kept for the person's own post (decision 061), supports
 * under the rules of lib/supports and takes the person to the one they support; a refusal (the phase moved on) lands there too, where the button shows what holds.
 */
export async function supportInsteadAction(formData: FormData): Promise<void> {
  await support(IDLE, formData);
  const parsed = input.safeParse({ supportInstead: formData.get("supportInstead"), similarLocale: formData.get("similarLocale") });
  if (!parsed.success) return;
  const address = await contributionAddress(parsed.data.supportInstead);
  if (!address) return;
  redirectTo(parsed.data.similarLocale, withQuery(dialoguePaths(address.dialogue).contribution(address.id), {}, "supports"));
}
