"use server";

import { sitePageAction } from "@/lib/actions/form-action";
import { clientAddress } from "@/lib/auth/client-address";
import { openReceipt, openReceiptInput } from "@/lib/receipts/open-receipt";
import { formatReceiptCode } from "@/lib/receipts/receipt-code";
import { sitePaths } from "@/lib/routes/paths";

/**
 * "I have a receipt", bound to the page the form stands on (sign-in, /r, a receipt's page;
 * decision 042): on to the receipt's page in that page's language (303), or back to the form
 * with a message at the field.
 */
export const openReceiptAction = sitePageAction(openReceiptInput, async (input, { back }): Promise<void> => {
  const { code } = await openReceipt(input, { address: await clientAddress() });
  back(sitePaths.receipt(formatReceiptCode(code)));
});
