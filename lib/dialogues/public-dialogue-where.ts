import type { Prisma } from "@/lib/generated/prisma/client";

// A DRAFT dialogue is the host team's working copy; the public sees every later phase,
// CLOSED included (its answers stay on record).
export const publicDialogueWhere = { phase: { not: "DRAFT" } } satisfies Prisma.DialogueWhereInput;
