import "server-only";
import { contributionLanguages } from "@/lib/contributions/contribution-core";
import { rulesToAccept } from "@/lib/contributions/rules-to-accept";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import type { Viewer } from "@/lib/policy/policy";

// The three ways a contribution is written (issue 17, step 4): posted, said as a voice message,
// or recorded on someone's behalf. Their pages start from the same request-cached dialogue and
// its flags (`may.post`, `may.recordOffline`) and the same languages to choose from, instead of
// each loading the dialogue's policy resource and languages again.

type Slugs = { municipalitySlug: string; dialogueSlug: string };

/** Posting or saying one's own need or proposal: `form` is null when the viewer may not (yet). */
export async function loadPostPage(viewer: Viewer | null, slugs: Slugs, locale: string, requestedRules?: string) {
  const loaded = await loadPublishedDialogue(viewer, slugs);
  if (!loaded) return null;
  const { dialogue, may } = loaded;
  if (!viewer || !may.post) return { ...loaded, form: null };
  return {
    ...loaded,
    form: { languages: contributionLanguages(dialogue.languages), codeOfConduct: await rulesToAccept(viewer, dialogue.id, locale, requestedRules) },
  };
}

/** Recording what someone said offline: the languages and the dialogue's meetings, latest first; `form` null for whom may not. */
export async function loadOfflineEntryPage(viewer: Viewer | null, slugs: Slugs) {
  const loaded = await loadPublishedDialogue(viewer, slugs);
  if (!loaded) return null;
  const { dialogue, may } = loaded;
  if (!may.recordOffline) return { ...loaded, form: null };
  const meetings = [...dialogue.meetings.upcoming].reverse().concat(dialogue.meetings.past);
  return {
    ...loaded,
    form: { languages: contributionLanguages(dialogue.languages), meetings: meetings.map(({ id, title, startsAt }) => ({ id, title, startsAt })) },
  };
}
