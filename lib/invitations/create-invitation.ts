import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { generateInvitationCode } from "./invitation-code";
import { INVITATION_ROLES } from "./invitation-roles";
import { parseInput } from "@/lib/validation";

export const createInvitationInput = z.object({
  dialogueId: z.uuid(),
  role: z.enum(INVITATION_ROLES),
  expiresInDays: z.coerce.number().int().min(1).max(180),
  maxUses: z.coerce.number().int().min(1).max(5000),
});

export async function createInvitation(viewer: Viewer | null, input: z.input<typeof createInvitationInput>) {
  const data = parseInput(createInvitationInput, input);
  authorize(viewer, "invitation:manage", await dialogueResource(data.dialogueId));
  const expiresAt = new Date(Date.now() + data.expiresInDays * 24 * 60 * 60 * 1000);
  // A collision in 31^8 codes is rare; try again with a fresh code when it happens.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.invitation.create({
        data: {
          dialogueId: data.dialogueId,
          role: data.role,
          expiresAt,
          maxUses: data.maxUses,
          code: generateInvitationCode(),
          createdById: viewer!.id,
        },
        select: { id: true, code: true, role: true, expiresAt: true, maxUses: true },
      });
    } catch (error) {
      const collision = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!collision || attempt >= 4) throw error;
    }
  }
}
