import "server-only";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { versionsSelect } from "@/lib/host-texts/version-select";
import { can, type Viewer } from "@/lib/policy/policy";
import { dialogueHeadlineSelect } from "./dialogue-select";

/**
 * The municipality at /<municipality> with the dialogues `viewer` may read: the public ones,
 * and drafts for their host team and the municipality's staff. Running phases first.
 */
export async function listMunicipalityDialogues(viewer: Viewer | null, municipalitySlug: string) {
  const municipality = await findMunicipality(municipalitySlug, {
    id: true,
    slug: true,
    name: true,
    defaultLocale: true,
    introduction: true,
    translations: versionsSelect({ body: true }),
    dialogues: {
      // The enum sorts in declaration order: DRAFT, COLLECTING … RESPONDING, then CLOSED.
      orderBy: [{ phase: "asc" }, { createdAt: "desc" }],
      select: { ...dialogueHeadlineSelect, translations: versionsSelect({ title: true, summary: true }) },
    },
  });
  if (!municipality) return null;
  const dialogues = municipality.dialogues
    .filter((d) => can(viewer, "dialogue:read", { municipalityId: municipality.id, dialogueId: d.id, phase: d.phase }))
    .map(({ languages, translations, ...dialogue }) => ({ ...dialogue, language: languages[0] ?? "de", versions: translations }));
  return {
    municipality: {
      id: municipality.id,
      slug: municipality.slug,
      name: municipality.name,
      defaultLocale: municipality.defaultLocale,
      introduction: municipality.introduction,
      /** The introduction in other languages (decision 025). */
      versions: municipality.translations,
    },
    dialogues,
    mayCreate: can(viewer, "dialogue:create", { municipalityId: municipality.id }),
  };
}
