// What the contribution forms send for "where is it about" (decision 049): a district's id, the
// whole town, or "I'd rather not say". Pure: the forms' schemas and the domain share it.
import { z } from "zod";
import type { ContributionPlace } from "@/lib/generated/prisma/enums";

export const PLACE_WHOLE_TOWN = "WHOLE_TOWN";
export const PLACE_NOT_SAID = "NOT_SAID";

/** Empty: not asked (the municipality has no districts). */
export const placeInput = z.union([z.literal(""), z.enum([PLACE_WHOLE_TOWN, PLACE_NOT_SAID]), z.uuid()]).optional();

export type PlaceColumns = { place: ContributionPlace | null; districtId: string | null };

/** The form's value as the columns, given the municipality's district ids; null when it names no district of them. */
export function placeColumns(value: string | undefined, districtIds: readonly string[]): PlaceColumns | null {
  if (!value) return { place: null, districtId: null };
  if (value === PLACE_WHOLE_TOWN || value === PLACE_NOT_SAID) return { place: value, districtId: null };
  return districtIds.includes(value) ? { place: "DISTRICT", districtId: value } : null;
}

/** The columns as the form's value. */
export function placeValue(columns: PlaceColumns): string {
  return columns.districtId ?? columns.place ?? "";
}
