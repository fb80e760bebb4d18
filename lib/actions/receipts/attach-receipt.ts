"use server";

import { formAction } from "@/lib/actions/form-action";
import { clientAddress } from "@/lib/auth/client-address";
import { attachReceipt, attachReceiptInput } from "@/lib/receipts/attach-receipt";

/** "This was my need": the receipt's page renders again and shows it as the person's own. */
export const attachReceiptAction = formAction(attachReceiptInput, async (input, { viewer }) => {
  await attachReceipt(viewer, input, { address: await clientAddress() });
  return { attached: true };
});
