import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";

export const moveDistrictInput = z.object({
  municipalityId: z.uuid(),
  districtId: z.uuid(),
  direction: z.enum(["up", "down"]),
});

/**
 * Staff move a district one place up or down in their municipality's order — the order of the
 * choice on the post form, the map's table and its numbered keys. The municipality's districts
 * are locked and numbered 0, 1, 2, … afresh, so two moves at once both count and no two share a
 * place. Moving the first up or the last down changes nothing.
 */
export async function moveDistrict(viewer: Viewer | null, input: z.input<typeof moveDistrictInput>): Promise<void> {
  const { municipalityId, districtId, direction } = parseInput(moveDistrictInput, input);
  authorize(viewer, "district:manage", { municipalityId });
  await db.$transaction(async (tx) => {
    // Lock first, then read: a locking SELECT that had to wait returns the rows in the order it
    // sorted them before the other move committed; a new statement sees that move.
    await tx.$queryRaw`SELECT "id" FROM "District" WHERE "municipalityId" = ${municipalityId}::uuid FOR UPDATE`;
    const order = await tx.$queryRaw<{ id: string; position: number }[]>`
      SELECT "id", "position" FROM "District" WHERE "municipalityId" = ${municipalityId}::uuid ORDER BY "position", "createdAt", "id"`;
    const index = order.findIndex((district) => district.id === districtId);
    if (index === -1) throw new AppError("NOT_FOUND", "no such district");
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= order.length) return;
    [order[index], order[other]] = [order[other]!, order[index]!];
    for (const [position, district] of order.entries()) {
      if (district.position !== position) await tx.district.update({ where: { id: district.id }, data: { position } });
    }
  });
}

/** Where a new district goes: after the last. */
export async function nextDistrictPosition(client: Prisma.TransactionClient, municipalityId: string): Promise<number> {
  const last = await client.district.aggregate({ where: { municipalityId }, _max: { position: true } });
  return last._max.position === null ? 0 : last._max.position + 1;
}
