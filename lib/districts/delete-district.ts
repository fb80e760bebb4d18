import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";

export const deleteDistrictInput = z.object({
  municipalityId: z.uuid(),
  districtId: z.uuid(),
  /** The ticked box that says what happens to the contributions naming it. */
  confirm: z.literal(true, { error: "validation.required" }),
});

/**
 * Staff delete one of their municipality's districts. The contributions that named it now say
 * "not said" (`NOT_SAID`): their authors chose that district and no other, so none is moved to
 * another one, and an author may choose again on their edit form (decision 049). The district's
 * row is locked first, so a contribution naming it at the same moment either lands before (and
 * is changed too) or is refused. Returns how many contributions it changed.
 */
export async function deleteDistrict(viewer: Viewer | null, input: z.input<typeof deleteDistrictInput>): Promise<{ unnamed: number }> {
  const { municipalityId, districtId } = parseInput(deleteDistrictInput, input);
  authorize(viewer, "district:manage", { municipalityId });
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "District" WHERE "id" = ${districtId}::uuid AND "municipalityId" = ${municipalityId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "no such district");
    const { count } = await tx.contribution.updateMany({ where: { districtId }, data: { place: "NOT_SAID", districtId: null } });
    await tx.district.delete({ where: { id: districtId } });
    return { unnamed: count };
  });
}

/** How many contributions, visible or not, name a district: what deleting it would change (staff only). */
export async function countDistrictContributions(viewer: Viewer | null, input: { municipalityId: string; districtId: string }): Promise<number> {
  const { municipalityId, districtId } = parseInput(z.object({ municipalityId: z.uuid(), districtId: z.uuid() }), input);
  authorize(viewer, "district:manage", { municipalityId });
  return db.contribution.count({ where: { districtId, district: { municipalityId } } });
}
