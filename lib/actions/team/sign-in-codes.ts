"use server";

import { formAction } from "@/lib/actions/form-action";
import { issueSignInCode, issueSignInCodeInput } from "@/lib/accounts/new-sign-in-code";

/** The new code comes back once, in the action's answer, to be handed over in person. */
export const issueSignInCodeAction = formAction(issueSignInCodeInput, async (input, { viewer }) => issueSignInCode(viewer, input));
