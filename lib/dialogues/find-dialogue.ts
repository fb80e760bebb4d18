import "server-only";
import type { Viewer } from "@/lib/policy/policy";
import { loadDialogue } from "./load-dialogue";

/**
 * The dialogue at /<municipality>/<dialogue> as `viewer` may read it: any phase, so the host
 * team reaches its DRAFT (where the co-host invitation is needed before it can open). Null
 * when there is none or the viewer may not read it. The managing sub-pages and route handlers
 * start here and ask the policy with `resource` (or read the flags in `may`): the dialogue page's
 * one request-cached statement (loadDialogue, decision 038), not a query of their own.
 */
export async function findDialogue(viewer: Viewer | null, input: { municipalitySlug: string; dialogueSlug: string }) {
  const loaded = await loadDialogue(viewer, input);
  return loaded && { ...loaded.dialogue, resource: loaded.resource, may: loaded.may };
}
