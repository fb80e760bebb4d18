import "server-only";
import { loadHostTextVersions, versionsOf } from "./load-versions";
import { pickHostText, type HostTextVersion } from "./pick-host-text";

/**
 * A meeting's title as a reader sees it inside a sentence ("said at the meeting …"): the version
 * in the reader's language when one exists, else the original, which is written in the dialogue's
 * first language (decision 025) — with the language it is in, for its `lang` (decision 028).
 */
export async function meetingTitleFor(
  meeting: { id: string; title: string },
  dialogueLanguage: string,
  locale: string,
): Promise<{ value: string; lang: string }> {
  const versions = await loadHostTextVersions({ meetingIds: [meeting.id] });
  return meetingTitleIn(meeting, versionsOf(versions.meetings, meeting.id), dialogueLanguage, locale);
}

/** meetingTitleFor with the meeting's text versions already loaded (loadDialogue has them). */
export function meetingTitleIn(meeting: { title: string }, versions: readonly HostTextVersion[], dialogueLanguage: string, locale: string): { value: string; lang: string } {
  const picked = pickHostText({ language: dialogueLanguage, fields: { title: meeting.title } }, versions, locale);
  return { value: picked.fields.title ?? meeting.title, lang: picked.language };
}
