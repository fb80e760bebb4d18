import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";

/** What the account page's profile form shows: the fields updateProfile changes. */
export async function getOwnProfile(viewer: Viewer | null) {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  return db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: {
      displayName: true,
      locale: true,
      perspective: true,
      showPerspective: true,
      showNameInExports: true,
      email: true,
      emailVerified: true,
      emailDigest: true,
    },
  });
}
