import "server-only";
import { AppError } from "@/lib/errors";
import { listDistricts } from "./list-districts";
import { placeColumns, type PlaceColumns } from "./place";

/**
 * The place a contribution form sent, checked against the municipality's districts: a forged
 * or another town's district is refused at the field (the database refuses it too, trigger
 * contribution_district_in_municipality).
 */
export async function resolvePlace(municipalityId: string, value: string | undefined): Promise<PlaceColumns> {
  const districts = await listDistricts(municipalityId);
  const columns = placeColumns(value, districts.map((district) => district.id));
  if (!columns) throw new AppError("INVALID_INPUT", "unknown district", { fieldErrors: { place: [{ key: "validation.invalid" }] } });
  return columns;
}
