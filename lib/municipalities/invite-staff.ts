import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { mayReceiveSignInLinks, requestEmailLink } from "@/lib/auth/email-link";
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
  const user = await db.$transaction(async (tx) => {
    const account = await tx.user.upsert({
      where: { email: data.email },
      create: { email: data.email, displayName: data.displayName },
      update: {},
      select: { id: true, emailVerified: true, signInHandle: true },
    });
    // Anyone can type any address into their profile. A role goes to an existing account only
    // when the address is its own: confirmed through an e-mail link, or given by staff in the
    // first place (an account without a sign-in code). Otherwise the role would go to whoever
    // typed the colleague's address first. Such an address never receives sign-in links either
    // (mayReceiveSignInLinks), so it cannot be "confirmed" by its real owner by mistake.
    if (!mayReceiveSignInLinks(account)) {
      throw new AppError("INVALID_INPUT", "address not confirmed by its account", {
        fieldErrors: { email: [{ key: "errors.email_unconfirmed" }] },
      });
    }
    await tx.municipalityMembership.upsert({
      where: { userId_municipalityId_role: { userId: account.id, municipalityId: data.municipalityId, role: data.role } },
      create: { userId: account.id, municipalityId: data.municipalityId, role: data.role },
      update: {},
    });
    return account;
  });
  // The role is granted; the mail is a courtesy. If this address already asked for links too
  // often, the colleague can ask for one on the sign-in page later.
  await requestEmailLink({ email: data.email }, context).catch((error: unknown) => {
    if (!isAppError(error, "RATE_LIMITED")) throw error;
  });
  return { userId: user.id };
}
