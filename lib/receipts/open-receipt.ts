import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { lookUpReceipt } from "./look-up-receipt";
import { normalizeReceiptCode } from "./receipt-code";

export const openReceiptInput = z.object({ code: z.string().max(64) });

const atCode = (key: string) => new AppError("INVALID_INPUT", key, { fieldErrors: { code: [{ key: `receipt.${key}` }] } });

/**
 * "I have a receipt", typed in (a POST form, decision 032): the code of a receipt that exists,
 * normalised, for the way on to its page — or a message at the field. A code that cannot be one
 * is refused before anything is looked up; one that leads nowhere counts against the address
 * exactly as a lookup of /r/<code> does (lookUpReceipt), so the limit on guessing holds for both
 * ways in, and a miss never reaches any address bar, history or log.
 */
export async function openReceipt(input: z.input<typeof openReceiptInput>, context: { address: string }): Promise<{ code: string }> {
  const { code: typed } = openReceiptInput.parse(input);
  const code = normalizeReceiptCode(typed);
  if (!code) throw atCode("codeInvalid");
  const found = await lookUpReceipt(code, { address: context.address });
  if (!found.found) throw atCode("unknown");
  return { code };
}
