"use server";

import { formAction } from "@/lib/actions/form-action";
import { sendAccessibilityFeedback, sendAccessibilityFeedbackInput } from "@/lib/accessibility/send-accessibility-feedback";
import { clientAddress } from "@/lib/auth/client-address";

export const sendAccessibilityFeedbackAction = formAction(sendAccessibilityFeedbackInput, async (input) =>
  sendAccessibilityFeedback(input, { address: await clientAddress() }),
);
