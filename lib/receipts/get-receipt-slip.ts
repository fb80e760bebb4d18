import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Resource, type Viewer } from "@/lib/policy/policy";
import { replaceReceiptCode } from "./create-receipt";
import { formatReceiptCode } from "./receipt-code";
import { slipLocale } from "./slip-locale";

const inputSchema = z.object({ contributionId: z.uuid(), dialogueId: z.uuid() });

async function load(contributionId: string, dialogueId: string) {
  return db.receipt.findFirst({
    where: { contributionId, contribution: { dialogueId } },
    select: {
      id: true,
      code: true,
      attachedAt: true,
      rotatedAt: true,
      createdAt: true,
      contribution: {
        select: {
          id: true,
          title: true,
          language: true,
          kind: true,
          recordedById: true,
          dialogue: {
            select: { id: true, slug: true, title: true, languages: true, phase: true, municipalityId: true, municipality: { select: { slug: true, name: true } } },
          },
        },
      },
    },
  });
}

function resourceOf(receipt: NonNullable<Awaited<ReturnType<typeof load>>>): Resource {
  const { dialogue, recordedById } = receipt.contribution;
  return { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase, ownerId: recordedById };
}

/**
 * What the printable slip of a receipt shows, for the host team and for the recorder who wrote
 * the voice down (decision 032): the code, the language the person spoke, the contribution's
 * title. Null when the contribution has no receipt (an online one) or lies in another dialogue.
 * The same code every time it is printed again.
 */
export async function getReceiptSlip(viewer: Viewer | null, input: { contributionId: string; dialogueId: string }) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return null;
  const receipt = await load(parsed.data.contributionId, parsed.data.dialogueId);
  if (!receipt) return null;
  authorize(viewer, "receipt:manage", resourceOf(receipt));
  const { contribution } = receipt;
  return {
    code: formatReceiptCode(receipt.code),
    rawCode: receipt.code,
    locale: slipLocale(contribution.language, contribution.dialogue.languages),
    attached: receipt.attachedAt !== null,
    rotatedAt: receipt.rotatedAt,
    contribution: { id: contribution.id, title: contribution.title, language: contribution.language, kind: contribution.kind },
    dialogue: contribution.dialogue,
  };
}

/**
 * A lost slip: a new code replaces the old one, which stops working at once — whoever finds the
 * lost paper learns nothing and cannot attach it. Refused once the receipt is attached (it then
 * belongs to an account, which is how its owner follows it).
 */
export async function replaceReceipt(viewer: Viewer | null, input: { contributionId: string; dialogueId: string }) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const receipt = await load(parsed.data.contributionId, parsed.data.dialogueId);
  if (!receipt) throw new AppError("NOT_FOUND");
  authorize(viewer, "receipt:manage", resourceOf(receipt));
  if (receipt.attachedAt) throw new AppError("CONFLICT", "receipt attached", { fieldErrors: {}, reason: "attached" });
  return db.$transaction((tx) => replaceReceiptCode(tx, receipt.id));
}
