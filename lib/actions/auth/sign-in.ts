"use server";

import { formAction, sitePageAction } from "@/lib/actions/form-action";
import { clientAddress } from "@/lib/auth/client-address";
import { requestEmailLink, requestEmailLinkInput } from "@/lib/auth/email-link";
import { setSessionCookie } from "@/lib/auth/sessions";
import { signInWithCode, signInWithCodeInput } from "@/lib/auth/sign-in-with-code";
import { localized, sitePaths } from "@/lib/routes/paths";
import { redirectToLocalized } from "@/lib/routes/redirect";

/**
 * Bound to the sign-in page it stands on (`{ locale, view: "signIn", callbackPath }`, decision 042):
 * signed in, the person goes on to the page's way back, which carries its own language, or to
 * the start page in the sign-in page's language. A reference that names no page of ours (a
 * foreign way back, a language we do not offer) is refused before the code is tried.
 */
export const signInWithCodeAction = sitePageAction(signInWithCodeInput, async ({ code }, { page }): Promise<void> => {
  const { session } = await signInWithCode({ code }, { address: await clientAddress() });
  await setSessionCookie(session);
  redirectToLocalized((page.view === "signIn" ? page.callbackPath : undefined) ?? localized(page.locale, sitePaths.home()));
});

export const requestEmailLinkAction = formAction(requestEmailLinkInput, async (input) => {
  await requestEmailLink(input, { address: await clientAddress() });
  return { sent: true };
});
