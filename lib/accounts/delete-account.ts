import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";

export const deleteAccountInput = z.object({
  confirm: z.literal(true, { error: "validation.required" }),
  removeContributions: z.boolean().default(false),
});

const REMOVED = "—";

/**
 * Deletes the account: the row stays, anonymised, so what the person said keeps its place
 * ("from a deleted account") and tallies stay true. With `removeContributions`, their
 * contributions and comments are withdrawn and their text removed too.
 */
export async function deleteAccount(viewer: Viewer | null, input: z.input<typeof deleteAccountInput>) {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  const data = parseInput(deleteAccountInput, input);
  const now = new Date();
  await db.$transaction(async (tx) => {
    if (data.removeContributions) {
      await tx.contribution.updateMany({
        where: { authorId: viewer.id },
        data: { title: REMOVED, body: REMOVED, districtText: null, withdrawnAt: now },
      });
      await tx.comment.updateMany({ where: { authorId: viewer.id }, data: { body: REMOVED, deletedAt: now } });
      await tx.translation.deleteMany({ where: { OR: [{ contribution: { authorId: viewer.id } }, { comment: { authorId: viewer.id } }] } });
    }
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { email: true } });
    // Unused sign-in links name the address; they go with it.
    if (email) await tx.verificationToken.deleteMany({ where: { identifier: email } });
    await tx.session.deleteMany({ where: { userId: viewer.id } });
    await tx.account.deleteMany({ where: { userId: viewer.id } });
    await tx.notification.deleteMany({ where: { userId: viewer.id } });
    // Nobody is told anything any more, and what they followed is nobody's business (decision 030).
    await tx.follow.deleteMany({ where: { userId: viewer.id } });
    // No phone is told anything any more either (decision 031).
    await tx.pushSubscription.deleteMany({ where: { userId: viewer.id } });
    // Photos kept over an offer of similar contributions, never posted (decision 061).
    await tx.pendingPhoto.deleteMany({ where: { ownerId: viewer.id } });
    await tx.user.update({
      where: { id: viewer.id },
      data: {
        displayName: REMOVED,
        email: null,
        emailVerified: null,
        signInHandle: null,
        signInCodeHash: null,
        showPerspective: false,
        deletedAt: now,
      },
    });
  });
}
