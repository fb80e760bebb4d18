import "server-only";
import { cache } from "react";
import { listMunicipalityDialoguePage, listMunicipalityDialogues } from "@/lib/dialogues/list-municipality-dialogues";
import { can, type Viewer } from "@/lib/policy/policy";
import { machineTranslationEnabled } from "@/lib/translations/machine-translate";
import { municipalityTextResource } from "@/lib/translations/translation-target";
import { findMunicipality } from "@/lib/municipalities/find-municipality";

// The municipality-level pages' loaders (issue 17, as loadDialogue for a dialogue's pages,
// decision 038): the municipality and every permission flag its pages need, decided here once
// per request. Pages read `may`; they do not call can().

export type MunicipalityPermissions = {
  /** overview:read: the overview of all dialogues' results. */
  readOverview: boolean;
  /** dashboard:read: the staff dashboard. */
  readDashboard: boolean;
  /** moderation-queue:read:municipality: one report queue across the municipality. */
  moderate: boolean;
  /** staff:invite: the staff page. */
  inviteStaff: boolean;
  /** sign-in-code:issue: new sign-in codes for participants who lost theirs (decision 032). */
  issueSignInCodes: boolean;
  /** municipality:brand: the branding settings. */
  brand: boolean;
  /** channel:manage: the SMS and messenger settings (decision 045). */
  manageChannel: boolean;
  /** dialogue:create: a new dialogue. */
  createDialogue: boolean;
  /** district:manage: the districts and their boundaries (decision 049). */
  manageDistricts: boolean;
  /** actor:manage: staff manage every actor and answer in every dialogue of the municipality. */
  manageActors: boolean;
  /** municipality-text:write: the municipality's introduction and its versions. */
  writeTexts: boolean;
  /** translation:request, signed in, the service configured: machine translation of the municipality's texts. */
  requestTranslation: boolean;
};

export function municipalityPermissions(viewer: Viewer | null, municipalityId: string): MunicipalityPermissions {
  const resource = { municipalityId };
  return {
    readOverview: can(viewer, "overview:read", resource),
    readDashboard: can(viewer, "dashboard:read", resource),
    moderate: can(viewer, "moderation-queue:read:municipality", resource),
    inviteStaff: can(viewer, "staff:invite", resource),
    issueSignInCodes: can(viewer, "sign-in-code:issue", resource),
    brand: can(viewer, "municipality:brand", resource),
    manageChannel: can(viewer, "channel:manage", resource),
    createDialogue: can(viewer, "dialogue:create", resource),
    manageDistricts: can(viewer, "district:manage", resource),
    manageActors: can(viewer, "actor:manage", resource),
    writeTexts: can(viewer, "municipality-text:write", resource),
    requestTranslation: viewer !== null && machineTranslationEnabled() && can(viewer, "translation:request", resource),
  };
}

/** The municipality at /<municipality> (id, slug, name) with the viewer's flags; null when there is none. Request-cached. */
export const loadMunicipality = cache(async (viewer: Viewer | null, slug: string) => {
  const municipality = await findMunicipality(slug);
  return municipality && { viewer, municipality, may: municipalityPermissions(viewer, municipality.id) };
});

/**
 * A staff page's municipality: loadMunicipality when the viewer has the page's flag, else null
 * (the page answers 404, as for no municipality at all).
 */
export async function loadMunicipalityFor(viewer: Viewer | null, slug: string, flag: keyof MunicipalityPermissions) {
  const loaded = await loadMunicipality(viewer, slug);
  return loaded?.may[flag] ? loaded : null;
}

/** The municipality's overview: listMunicipalityDialogues (every dialogue) with the viewer's flags. Request-cached. */
export const loadMunicipalityDialogues = cache(async (viewer: Viewer | null, slug: string) => {
  const listed = await listMunicipalityDialogues(viewer, slug);
  return listed && { viewer, ...listed, may: municipalityPermissions(viewer, listed.municipality.id) };
});

/**
 * The municipality's home page: one page of its dialogues (`?page=N`, with the keyset cursor its
 * links carry, `after`/`before`; decision 070) with the viewer's flags. Request-cached.
 */
export const loadMunicipalityHome = cache(async (viewer: Viewer | null, slug: string, page = 1, after?: string, before?: string) => {
  const listed = await listMunicipalityDialoguePage(viewer, slug, { page, after, before });
  return listed && { viewer, ...listed, may: municipalityPermissions(viewer, listed.municipality.id) };
});

/**
 * translation:create on the municipality's own texts (its introduction, its actors' descriptions):
 * whoever joined one of its published dialogues translates them as a volunteer (decision 026).
 * One more statement, so only the pages that offer "Translate" ask, and only for the signed-in.
 */
export const mayTranslateMunicipalityTexts = cache(
  async (viewer: Viewer | null, municipalityId: string): Promise<boolean> =>
    viewer !== null && can(viewer, "translation:create", await municipalityTextResource(municipalityId)),
);
