import "server-only";
import { cache } from "react";
import { getActorManagement } from "@/lib/actors/get-actor-management";
import { getDialogueFormOptions } from "@/lib/dialogues/get-dialogue-form-options";
import { getDistrictManagement } from "@/lib/districts/get-district-management";
import { getDashboard } from "@/lib/municipalities/get-dashboard";
import type { Viewer } from "@/lib/policy/policy";
import { listAnswerQueue } from "@/lib/responses/list-answer-queue";
import { loadMunicipality, loadMunicipalityFor } from "./municipality-page";

// The municipality's staff pages (issue 17, as loadDialogue for a dialogue's pages): each starts
// from the request-cached loadMunicipality, is turned away by its flag like a missing
// municipality (the page answers 404), and only then loads its rows through a domain function
// that asks the policy itself (authorize) — the page decides nothing and asks nothing twice.

/** The staff dashboard (dashboard:read), with the municipality's flags for its links onward. */
export const loadDashboardPage = cache(async (viewer: Viewer | null, slug: string, page = 1, after?: string, before?: string) => {
  const loaded = await loadMunicipalityFor(viewer, slug, "readDashboard");
  return loaded && { ...loaded, ...(await getDashboard(viewer, loaded.municipality, { page, after, before })) };
});

/** The districts and their edit pages (district:manage). */
export const loadDistrictsPage = cache(async (viewer: Viewer | null, slug: string) => {
  const loaded = await loadMunicipalityFor(viewer, slug, "manageDistricts");
  return loaded && { ...loaded, ...(await getDistrictManagement(viewer, loaded.municipality)) };
});

/** The form for a new dialogue (dialogue:create). */
export const loadNewDialoguePage = cache(async (viewer: Viewer | null, slug: string) => {
  const loaded = await loadMunicipalityFor(viewer, slug, "createDialogue");
  return loaded && { ...loaded, ...(await getDialogueFormOptions(viewer, loaded.municipality)) };
});

/** The actors the viewer may edit: every one for staff, their own for an actor's members; null when none. */
export const loadActorManagementPage = cache(async (viewer: Viewer | null, slug: string) => {
  const loaded = await loadMunicipality(viewer, slug);
  const management = loaded && (await getActorManagement(viewer, loaded.municipality));
  return management && { ...loaded, ...management };
});

/** The needs waiting for an answer in every dialogue the viewer may answer in; null when none. */
export const loadAnswerQueuePage = cache(async (viewer: Viewer | null, slug: string) => {
  const loaded = await loadMunicipality(viewer, slug);
  const needs = loaded && (await listAnswerQueue(viewer, { municipalityId: loaded.municipality.id }));
  return needs && { ...loaded, needs };
});
