import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { MunicipalityRole } from "@/lib/generated/prisma/enums";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";

export const listStaffInput = z.object({ municipalityId: z.uuid() });

export type StaffMember = { userId: string; displayName: string; email: string | null; roles: MunicipalityRole[] };

/** Staff and moderators of a municipality, one entry per person with all their roles, by name. */
export async function listStaff(viewer: Viewer | null, input: z.input<typeof listStaffInput>): Promise<StaffMember[]> {
  const { municipalityId } = parseInput(listStaffInput, input);
  authorize(viewer, "staff:invite", { municipalityId });
  const memberships = await db.municipalityMembership.findMany({
    where: { municipalityId, user: { deletedAt: null } },
    orderBy: [{ user: { displayName: "asc" } }, { role: "asc" }],
    select: { role: true, user: { select: { id: true, displayName: true, email: true } } },
  });
  const byUser = new Map<string, StaffMember>();
  for (const { role, user } of memberships) {
    const member = byUser.get(user.id);
    if (member) member.roles.push(role);
    else byUser.set(user.id, { userId: user.id, displayName: user.displayName, email: user.email, roles: [role] });
  }
  return [...byUser.values()];
}
