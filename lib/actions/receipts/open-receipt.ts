"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { clientAddress } from "@/lib/auth/client-address";
import { locales } from "@/lib/i18n/routing";
import { openReceipt, openReceiptInput } from "@/lib/receipts/open-receipt";
import { receiptPath } from "@/lib/receipts/receipt-code";
import { redirectToLocalized } from "@/lib/routes/redirect";

/** "I have a receipt": on to the receipt's page (303), or back to the form with a message at the field. */
export const openReceiptAction = formAction(openReceiptInput.extend({ locale: z.enum(locales) }), async ({ locale, ...input }) => {
  const { code } = await openReceipt(input, { address: await clientAddress() });
  redirectToLocalized(receiptPath(locale, code));
});
