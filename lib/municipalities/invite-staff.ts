import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { requestEmailLink } from "@/lib/auth/email-link";
import { emailAddress } from "@/lib/auth/email-address";
import { signUpInput } from "@/lib/invitations/join-dialogue";
import { parseInput } from "@/lib/validation";

export const inviteStaffInput = z.object({
  municipalityId: z.uuid(),
  email: emailAddress(),
  displayName: signUpInput.shape.displayName,
  role: z.enum(["STAFF", "MODERATOR"]),
});

/**
 * Staff of a municipality add a colleague (or a moderator) by e-mail: the account is created
 * when it does not exist, gets the role, and receives a sign-in link.
 */
export async function inviteStaff(viewer: Viewer | null, input: z.input<typeof inviteStaffInput>, context: { address: string }) {
  const data = parseInput(inviteStaffInput, input);
  authorize(viewer, "staff:invite", { municipalityId: data.municipalityId });
  const user = await db.user.upsert({
    where: { email: data.email },
    create: { email: data.email, displayName: data.displayName, perspective: data.role === "STAFF" ? "MUNICIPAL_STAFF" : "NOT_STATED" },
    update: {},
    select: { id: true, emailVerified: true, signInHandle: true },
  });
  // Anyone can type any address into their profile. A role goes to an existing account only
  // when the address is its own: confirmed through an e-mail link, or given by staff in the
  // first place (an account without a sign-in code). Otherwise the role would go to whoever
  // typed the colleague's address first.
  if (user.emailVerified === null && user.signInHandle !== null) {
    throw new AppError("INVALID_INPUT", "address not confirmed by its account", {
      fieldErrors: { email: [{ key: "errors.email_unconfirmed" }] },
    });
  }
  await db.municipalityMembership.upsert({
    where: { userId_municipalityId_role: { userId: user.id, municipalityId: data.municipalityId, role: data.role } },
    create: { userId: user.id, municipalityId: data.municipalityId, role: data.role },
    update: {},
  });
  await requestEmailLink({ email: data.email }, context);
  return { userId: user.id };
}
