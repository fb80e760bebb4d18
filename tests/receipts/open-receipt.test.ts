// "I have a receipt" typed into the POST form (decision 032): a code that cannot be one is
// refused at the field before anything is looked up; one that leads nowhere is refused at the
// field and counts against the address like a lookup of /r/<code>, so after 20 misses the form
// and the address both refuse even a real code; a real code is handed on, normalised.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { lookUpReceipt } from "@/lib/receipts/look-up-receipt";
import { openReceipt } from "@/lib/receipts/open-receipt";
import { formatReceiptCode, generateReceiptCode } from "@/lib/receipts/receipt-code";
import { LIMITS } from "@/lib/rate-limit";
import { appErrorOf, fieldKeys, uniqueAddress } from "@/tests/support/viewers";
import { memberAs } from "@/tests/support/meetings";
import { offlineInput } from "@/tests/support/offline";
import { dialogueIn } from "@/tests/support/participation";

async function realCode() {
  const dialogue = await dialogueIn("COLLECTING");
  const recorder = await memberAs(dialogue.id, "RECORDER", "LOCAL_ACTOR");
  const { id } = await recordOfflineContribution(recorder, offlineInput(dialogue));
  return (await db.receipt.findUniqueOrThrow({ where: { contributionId: id } })).code;
}

describe("openReceipt (the typed code, posted)", () => {
  it("hands on a real code typed loosely, normalised", async () => {
    const code = await realCode();
    const typed = formatReceiptCode(code).toLowerCase().replace("-", " ");
    expect(await openReceipt({ code: typed }, { address: uniqueAddress() })).toEqual({ code });
  });

  it("refuses what cannot be a code at the field, without counting it as a miss", async () => {
    const address = uniqueAddress();
    for (let i = 0; i < LIMITS.receiptMissPerAddress.points + 1; i++) {
      expect(fieldKeys(await appErrorOf(openReceipt({ code: "K7MQ4-HTPW0" }, { address })), "code")).toEqual(["receipt.codeInvalid"]);
    }
    expect(await openReceipt({ code: await realCode() }, { address })).toHaveProperty("code");
  });

  it("refuses a code that leads nowhere at the field; 20 misses block the address for the form and /r/<code> alike", async () => {
    const code = await realCode();
    const address = uniqueAddress();
    for (let i = 0; i < LIMITS.receiptMissPerAddress.points; i++) {
      expect(fieldKeys(await appErrorOf(openReceipt({ code: generateReceiptCode() }, { address })), "code")).toEqual(["receipt.unknown"]);
    }
    expect((await appErrorOf(openReceipt({ code }, { address }))).code).toBe("RATE_LIMITED");
    expect((await appErrorOf(lookUpReceipt(code, { address }))).code).toBe("RATE_LIMITED");
    // Another address is not affected.
    expect(await openReceipt({ code }, { address: uniqueAddress() })).toEqual({ code });
  });
});
