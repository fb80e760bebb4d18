import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { signUpInput } from "@/lib/invitations/join-dialogue";
import { emailAddress } from "@/lib/auth/email-address";
import { parseInput } from "@/lib/validation";
import { assertNameIsNoImitation, municipalitiesOf } from "./name-lookalikes";

export const updateProfileInput = z.object({
  displayName: signUpInput.shape.displayName,
  locale: signUpInput.shape.locale,
  perspective: signUpInput.shape.perspective,
  showPerspective: z.boolean().default(false),
  showNameInExports: z.boolean().default(false),
  emailDigest: z.boolean().default(false),
  // null is "no e-mail" (a field left empty): it is optional, for notifications and sign-in links only.
  email: z.string().trim().pipe(emailAddress()).nullable(),
});

export async function updateProfile(viewer: Viewer | null, input: z.input<typeof updateProfileInput>) {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  const data = parseInput(updateProfileInput, input);
  try {
    await db.$transaction(async (tx) => {
      const { email: previous, displayName } = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { email: true, displayName: true } });
      if (displayName !== data.displayName) {
        await assertNameIsNoImitation(tx, data.displayName, { municipalityIds: await municipalitiesOf(tx, viewer.id), userId: viewer.id });
      }
      const emailChanged = previous !== data.email;
      await tx.user.update({
        where: { id: viewer.id },
        data: {
          displayName: data.displayName,
          locale: data.locale,
          perspective: data.perspective,
          showPerspective: data.showPerspective,
          showNameInExports: data.showNameInExports,
          emailDigest: data.emailDigest,
          email: data.email,
          // A typed address is not a confirmed one: it is confirmed through
          // lib/accounts/email-confirmation.ts, and inviteStaff and sign-in links rely on that.
          ...(emailChanged ? { emailVerified: null } : {}),
        },
      });
      if (emailChanged) {
        // Links for the old address stop working: sign-in links, and a pending confirmation.
        await tx.verificationToken.deleteMany({
          where: { OR: [...(previous ? [{ identifier: previous }] : []), { identifier: `confirm:${viewer.id}` }] },
        });
      }
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Deliberately vague: whether an address belongs to another account is nobody's business.
      throw new AppError("INVALID_INPUT", "email unavailable", { fieldErrors: { email: [{ key: "errors.email_unavailable" }] } });
    }
    throw error;
  }
}
