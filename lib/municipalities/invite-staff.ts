import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { requestEmailLink } from "@/lib/auth/email-link";

export const inviteStaffInput = z.object({
  municipalityId: z.uuid(),
  email: z.email({ error: "validation.email" }).max(254).transform((email) => email.toLowerCase()),
  displayName: z.string().trim().min(1).max(60),
  role: z.enum(["STAFF", "MODERATOR"]),
});

/**
 * Staff of a municipality add a colleague (or a moderator) by e-mail: the account is created
 * when it does not exist, gets the role, and receives a sign-in link.
 */
export async function inviteStaff(viewer: Viewer | null, input: z.input<typeof inviteStaffInput>, context: { address: string }) {
  const data = inviteStaffInput.parse(input);
  authorize(viewer, "staff:invite", { municipalityId: data.municipalityId });
  const user = await db.user.upsert({
    where: { email: data.email },
    create: { email: data.email, displayName: data.displayName, perspective: data.role === "STAFF" ? "MUNICIPAL_STAFF" : "NOT_STATED" },
    update: {},
    select: { id: true },
  });
  await db.municipalityMembership.upsert({
    where: { userId_municipalityId_role: { userId: user.id, municipalityId: data.municipalityId, role: data.role } },
    create: { userId: user.id, municipalityId: data.municipalityId, role: data.role },
    update: {},
  });
  await requestEmailLink({ email: data.email }, context);
  return { userId: user.id };
}
