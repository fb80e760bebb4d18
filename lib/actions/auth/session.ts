"use server";

import { sameOrigin } from "@/lib/actions/form-action";
import { clearSessionCookie, currentSessionToken, deleteSession } from "@/lib/auth/sessions";
import { localeField } from "@/lib/actions/form-schemas";
import { sitePaths } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

/**
 * The header's "Sign out": ends this device's session only, then the start page in the page's
 * language, bound where the header renders the form (decision 042).
 */
export async function signOut(locale: string): Promise<void> {
  // Without this check another site could sign people out (a harmless but annoying CSRF).
  if (await sameOrigin()) {
    const token = await currentSessionToken();
    if (token) await deleteSession(token);
    await clearSessionCookie();
  }
  redirectTo(localeField.parse(locale), sitePaths.home());
}
