import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { DialogueRole } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { follow } from "@/lib/notifications/follows";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { lookUpReceipt } from "./look-up-receipt";

export const attachReceiptInput = z.object({ code: z.string().trim().min(1).max(32) });

/** Who works in the dialogue and can see or print its slips: never the voice itself. */
const TEAM_ROLES: ReadonlySet<DialogueRole> = new Set(["HOST", "CO_HOST", "MODERATOR", "RECORDER"]);

const refused = (key: string) => new AppError("CONFLICT", key, { fieldErrors: { code: [{ key: `receipt.${key}` }] } });

/**
 * "This was my need": a signed-in person attaches the receipt they were handed, once
 * (decision 032). The contribution becomes theirs — its author from now on, as if they had
 * posted it: they follow it and are notified like any author, may correct and withdraw it
 * while the dialogue allows. What was recorded stays on record: the source (paper, meeting,
 * interpreted), the recorder, the read-back, and the perspective as the person told it (the
 * snapshot). Whether others see that perspective is now the person's own choice on their
 * account (User.showPerspective); the database trigger recomputes the shown perspective.
 * Whether others see that perspective needs both: the voice agreed at read-back
 * (Contribution.voiceShowsPerspective) and the account shows it — attaching never makes public
 * what the voice kept private (lib/perspectives/public-perspective.ts).
 * Refused: the recorder or interpreter of these words, and anyone with a role of the dialogue's
 * team (host team, moderator, recorder) — they can read the code off the slip they print.
 */
export async function attachReceipt(viewer: Viewer | null, input: z.input<typeof attachReceiptInput>, context: { address: string }) {
  const { code } = parseInput(attachReceiptInput, input);
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const receipt = await lookUpReceipt(code, { address: context.address, viewerId: viewer.id });
  if (!receipt.found) throw refused("unknown");
  authorize(viewer, "receipt:attach", { municipalityId: receipt.dialogue.municipalityId, dialogueId: receipt.dialogue.id, phase: receipt.dialogue.phase });
  if (receipt.attachedToViewer) return { contributionId: receipt.contribution.id, dialogueId: receipt.dialogue.id };
  if (receipt.attached) throw refused("alreadyAttached");
  if (receipt.recordedByViewer) throw refused("ownRecording");
  const role = viewer.dialogueRoles[receipt.dialogue.id];
  if (role && TEAM_ROLES.has(role)) throw new AppError("FORBIDDEN", "the dialogue's team cannot attach a receipt");
  if (!receipt.shown) throw refused("notShown");

  await db.$transaction(async (tx) => {
    const claimed = await tx.receipt.updateMany({
      where: { id: receipt.receiptId, attachedAt: null },
      data: { attachedById: viewer.id, attachedAt: new Date() },
    });
    // Someone else attached it a moment ago.
    if (claimed.count !== 1) throw refused("alreadyAttached");
    // Had they supported these words, that support goes with it (trigger
    // support_not_by_author_on_attach, decision 024): an author never supports their own.
    await tx.contribution.updateMany({ where: { id: receipt.contribution.id, authorId: null }, data: { authorId: viewer.id } });
    await follow(viewer.id, { contributionId: receipt.contribution.id }, tx);
  });
  return { contributionId: receipt.contribution.id, dialogueId: receipt.dialogue.id };
}
