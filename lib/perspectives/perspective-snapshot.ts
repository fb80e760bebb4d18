import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { snapshotOf, type Perspective } from "./perspectives";

/** snapshotOf for `userId` writing in `municipalityId`, in one query. */
export async function perspectiveSnapshot(
  client: Prisma.TransactionClient | typeof db,
  userId: string,
  municipalityId: string,
): Promise<Perspective> {
  const [row] = await client.$queryRaw<{ perspective: Perspective; staff: boolean }[]>`
    SELECT u."perspective"::text AS "perspective",
           EXISTS (SELECT 1 FROM "MunicipalityMembership" m
                    WHERE m."userId" = u."id" AND m."municipalityId" = ${municipalityId}::uuid AND m."role" = 'STAFF') AS "staff"
      FROM "User" u WHERE u."id" = ${userId}::uuid`;
  if (!row) throw new Error(`no user ${userId}`);
  return snapshotOf(row.perspective, row.staff);
}
