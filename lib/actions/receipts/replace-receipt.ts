"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { replaceReceipt } from "@/lib/receipts/get-receipt-slip";

/** A lost slip: a new code, the old one stops working; the page shows the new one. */
export const replaceReceiptAction = formAction(
  z.object({ contributionId: z.uuid(), dialogueId: z.uuid(), confirm: z.literal(true, { error: "receiptSlip.replaceConfirmRequired" }) }),
  async ({ contributionId, dialogueId }, { viewer }) => {
    await replaceReceipt(viewer, { contributionId, dialogueId });
    return { replaced: true };
  },
);
