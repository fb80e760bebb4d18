"use server";

import { hasLocale } from "next-intl";
import { formAction } from "@/lib/actions/form-action";
import { clientAddress } from "@/lib/auth/client-address";
import { setSessionCookie } from "@/lib/auth/sessions";
import { findInvitation } from "@/lib/invitations/find-invitation";
import { joinDialogue, joinInput, signUpInput, signUpWithInvitation } from "@/lib/invitations/join-dialogue";
import { routing, type AppLocale } from "@/lib/i18n/routing";
import { localeField } from "@/lib/actions/form-schemas";
import { dialoguePaths, sitePaths } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

/** `locale`: the language the person chose, when the UI speaks it. */
export type SignedUp = { signInCode: string; locale?: AppLocale };

export const signUpAction = formAction(signUpInput, async (input): Promise<SignedUp> => {
  const { signInCode, locale, session } = await signUpWithInvitation(input, { address: await clientAddress() });
  await setSessionCookie(session);
  // The code goes to this one response only; the session token never leaves the cookie.
  return { signInCode, locale: hasLocale(routing.locales, locale) ? locale : undefined };
});

export const joinDialogueAction = formAction(
  joinInput.extend({ locale: localeField }),
  async ({ locale, ...input }, { viewer }) => {
    const { code } = input;
    await joinDialogue(viewer, input, { address: await clientAddress() });
    const invitation = await findInvitation(code);
    redirectTo(locale, invitation ? dialoguePaths(invitation.dialogue).home : sitePaths.home());
  },
);
