"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, sitePageAction } from "@/lib/actions/form-action";
import { deleteAccount, deleteAccountInput } from "@/lib/accounts/delete-account";
import { updateProfile, updateProfileInput } from "@/lib/accounts/update-profile";
import { confirmEmail, confirmEmailInput, requestEmailConfirmation } from "@/lib/accounts/email-confirmation";
import { clientAddress } from "@/lib/auth/client-address";
import { clearSessionCookie, currentSessionToken } from "@/lib/auth/sessions";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { newOwnSignInCode, newOwnSignInCodeInput } from "@/lib/accounts/new-sign-in-code";
import { sitePaths, withQuery } from "@/lib/routes/paths";

export const updateProfileAction = formAction(updateProfileInput, async (input, { viewer }) => {
  // The form's encoding ended at the boundary: an empty address is null, "no e-mail".
  await updateProfile(viewer, input);
  // The header shows the display name: render it again.
  refresh();
  return { saved: true };
});

/** Bound to the account page (decision 042): signed out, on to the start page in that page's language. */
export const signOutEverywhereAction = sitePageAction(z.object({}), async (_input, { viewer, back }): Promise<void> => {
  await signOutEverywhere(viewer);
  await clearSessionCookie();
  back(sitePaths.home());
});

/** A new sign-in code, shown once in the action's answer (decision 032); this device stays signed in. */
export const newSignInCodeAction = formAction(newOwnSignInCodeInput, async (input, { viewer }) =>
  newOwnSignInCode(viewer, input, { sessionToken: await currentSessionToken() }),
);

/** Bound to the account page, as signOutEverywhereAction: gone, on to the start page, which says so. */
export const deleteAccountAction = sitePageAction(deleteAccountInput, async ({ confirm, removeContributions }, { viewer, back }): Promise<void> => {
  await deleteAccount(viewer, { confirm, removeContributions });
  await clearSessionCookie();
  back(withQuery(sitePaths.home(), { notice: "account-deleted" }));
});

export const requestEmailConfirmationAction = formAction(z.object({}), async (_input, { viewer }) =>
  requestEmailConfirmation(viewer, { address: await clientAddress() }),
);

/** Needs no session: the link in the mail is the proof, the button press the consent. */
export const confirmEmailAction = formAction(confirmEmailInput, async (input) => confirmEmail(input));
