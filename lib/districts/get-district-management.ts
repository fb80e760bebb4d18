import "server-only";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { can, type Viewer } from "@/lib/policy/policy";
import { districtLanguages, listDistricts } from "./list-districts";

/**
 * The municipality's districts page, for its staff only (null for everyone else: the page
 * answers 404): the districts and the languages their names are written in.
 */
export async function getDistrictManagement(viewer: Viewer | null, slug: string) {
  const municipality = await findMunicipality(slug);
  if (!municipality || !can(viewer, "district:manage", { municipalityId: municipality.id })) return null;
  const [districts, languages] = await Promise.all([listDistricts(municipality.id), districtLanguages(municipality.id)]);
  return { municipality, districts, languages };
}
