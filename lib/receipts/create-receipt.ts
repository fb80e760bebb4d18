import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateReceiptCode } from "./receipt-code";

/**
 * A new receipt for an offline contribution, inside the transaction that records it. A code
 * already taken (1 in 8·10^14 per receipt) is drawn again in the same statement, so the
 * transaction is never aborted by the unique index.
 */
export async function createReceipt(tx: Prisma.TransactionClient, contributionId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateReceiptCode();
    const inserted = await tx.$executeRaw`
      INSERT INTO "Receipt" ("id", "contributionId", "code", "createdAt")
      VALUES (${randomUUID()}::uuid, ${contributionId}::uuid, ${code}, now())
      ON CONFLICT ("code") DO NOTHING`;
    if (inserted === 1) return code;
  }
  throw new Error("no free receipt code");
}

/** A fresh code for a receipt whose slip was lost: the old code stops working at once. */
export async function replaceReceiptCode(tx: Prisma.TransactionClient, receiptId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateReceiptCode();
    const taken = await tx.receipt.findUnique({ where: { code }, select: { id: true } });
    if (taken) continue;
    await tx.receipt.update({ where: { id: receiptId }, data: { code, rotatedAt: new Date() } });
    return code;
  }
  throw new Error("no free receipt code");
}
