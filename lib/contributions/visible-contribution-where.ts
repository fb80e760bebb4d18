import type { Prisma } from "@/lib/generated/prisma/client";

// Hidden by a moderator or withdrawn by the author: kept on record, shown to nobody here.
export const visibleContributionWhere = { hiddenAt: null, withdrawnAt: null } satisfies Prisma.ContributionWhereInput;
