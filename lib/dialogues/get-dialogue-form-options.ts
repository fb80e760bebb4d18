import "server-only";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { can, type Viewer } from "@/lib/policy/policy";
import { liveThemesSelect } from "./dialogue-select";

/**
 * What the form for a new dialogue offers: the municipality (its language picks the default
 * code of conduct) and its live themes. Null unless `viewer` may create dialogues there.
 */
export async function getDialogueFormOptions(viewer: Viewer | null, municipalitySlug: string) {
  const municipality = await findMunicipality(municipalitySlug, { id: true, slug: true, name: true, defaultLocale: true, themes: liveThemesSelect });
  if (!municipality || !can(viewer, "dialogue:create", { municipalityId: municipality.id })) return null;
  const { themes, ...rest } = municipality;
  return { municipality: rest, themes };
}
