import "server-only";
import { db } from "@/lib/db/client";
import { check, consume } from "@/lib/rate-limit";
import { normalizeReceiptCode } from "./receipt-code";
import { publishedDialogue } from "@/lib/policy/visibility";

// What /<locale>/r/<code> shows to whoever holds the slip, signed in or not (decision 032): the
// contribution's own words, its status and the town's public answers — what its public page
// shows, and less. Never who recorded it, at which meeting or through whom, and no perspective
// (the slip's holder needs none; the public page applies the public rule).
const select = {
  id: true,
  attachedById: true,
  attachedAt: true,
  contribution: {
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      body: true,
      language: true,
      createdAt: true,
      hiddenAt: true,
      withdrawnAt: true,
      recordedById: true,
      interpreterId: true,
      dialogue: {
        select: {
          id: true,
          slug: true,
          title: true,
          languages: true,
          phase: true,
          municipalityId: true,
          municipality: { select: { slug: true, name: true } },
        },
      },
      responses: {
        orderBy: { createdAt: "asc" },
        select: { id: true, status: true, body: true, language: true, decidedBy: true, dueDate: true, createdAt: true, actor: { select: { id: true, name: true } } },
      },
    },
  },
} as const;

export type ReceiptLookup = Awaited<ReturnType<typeof lookUpReceipt>>;

/**
 * The receipt behind a typed or linked code. Guessing is slow: an address that tried 20 codes
 * leading nowhere within 15 minutes is refused every lookup (RATE_LIMITED) until the window ends,
 * so a blocked guesser cannot tell a real code from a wrong one either.
 */
export async function lookUpReceipt(typedCode: string, context: { address: string; viewerId?: string | null }) {
  await consume("perAddress", context.address);
  await check("receiptMissPerAddress", context.address);
  const code = normalizeReceiptCode(typedCode);
  const receipt = code
    ? await db.receipt.findFirst({ where: { code, contribution: { dialogue: publishedDialogue.where } }, select })
    : null;
  if (!receipt) {
    await consume("receiptMissPerAddress", context.address);
    return { found: false as const };
  }
  const { hiddenAt, withdrawnAt, recordedById, interpreterId, dialogue, responses, ...contribution } = receipt.contribution;
  const shown = hiddenAt === null && withdrawnAt === null;
  return {
    found: true as const,
    shown,
    attached: receipt.attachedAt !== null,
    receiptId: receipt.id,
    contribution: shown ? { ...contribution, responses } : { ...contribution, title: "", body: "", responses: [] },
    dialogue,
    /** The viewer recorded it, or interpreted it: they cannot attach it (decision 032). */
    recordedByViewer: !!context.viewerId && (recordedById === context.viewerId || interpreterId === context.viewerId),
    attachedToViewer: !!context.viewerId && receipt.attachedById === context.viewerId,
  };
}
