"use server";

import { formAction } from "@/lib/actions/form-action";
import { clientAddress } from "@/lib/auth/client-address";
import { requestEmailLink, requestEmailLinkInput } from "@/lib/auth/email-link";
import { setSessionCookie } from "@/lib/auth/sessions";
import { signInWithCode, signInWithCodeInput } from "@/lib/auth/sign-in-with-code";
import { callbackPathField, localeField } from "@/lib/actions/form-schemas";
import { localized, sitePaths } from "@/lib/routes/paths";
import { redirectToLocalized } from "@/lib/routes/redirect";

export const signInWithCodeAction = formAction(
  signInWithCodeInput.extend({ locale: localeField, callbackPath: callbackPathField }),
  async ({ code, locale, callbackPath }) => {
    const { session } = await signInWithCode({ code }, { address: await clientAddress() });
    await setSessionCookie(session);
    redirectToLocalized(callbackPath ?? localized(locale, sitePaths.home()));
  },
);

export const requestEmailLinkAction = formAction(requestEmailLinkInput, async (input) => {
  await requestEmailLink(input, { address: await clientAddress() });
  return { sent: true };
});
