import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { signUpInput } from "@/lib/invitations/join-dialogue";

export const updateProfileInput = z.object({
  displayName: signUpInput.shape.displayName,
  locale: signUpInput.shape.locale,
  perspective: signUpInput.shape.perspective,
  showPerspective: z.literal("on").optional(),
  emailDigest: z.literal("on").optional(),
  // Empty means "no e-mail": it is optional, for notifications and sign-in links only.
  email: z
    .union([z.literal(""), z.email({ error: "validation.email" }).max(254)])
    .transform((email) => (email === "" ? null : email.toLowerCase())),
});

export async function updateProfile(viewer: Viewer | null, input: z.input<typeof updateProfileInput>) {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  const data = updateProfileInput.parse(input);
  try {
    await db.user.update({
      where: { id: viewer.id },
      data: {
        displayName: data.displayName,
        locale: data.locale,
        perspective: data.perspective,
        showPerspective: data.showPerspective === "on",
        emailDigest: data.emailDigest === "on",
        email: data.email,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Deliberately vague: whether an address belongs to another account is nobody's business.
      throw new AppError("INVALID_INPUT", "email unavailable", { fieldErrors: { email: [{ key: "errors.email_unavailable" }] } });
    }
    throw error;
  }
}
