import "server-only";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { districtLanguages, listDistricts } from "./list-districts";

/**
 * The municipality's districts page, for its staff (district:manage): the districts and the
 * languages their names are written in. The page reaches it through loadDistrictsPage
 * (lib/pages/staff-pages.ts), which answers 404 for everyone else.
 */
export async function getDistrictManagement(viewer: Viewer | null, municipality: { id: string }) {
  authorize(viewer, "district:manage", { municipalityId: municipality.id });
  const [districts, languages] = await Promise.all([listDistricts(municipality.id), districtLanguages(municipality.id)]);
  return { districts, languages };
}
