import "server-only";
import { db } from "@/lib/db/client";
import { meetingOptions } from "@/lib/meetings/list-meetings";
import { can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { contributionLanguages } from "./create-contribution";

/** What the form for offline voices needs: whether the viewer may use it, the languages and the meetings to choose from. */
export async function getOfflineEntryForm(viewer: Viewer | null, dialogueId: string) {
  const mayRecord = can(viewer, "contribution:create:on-behalf", await dialogueResource(dialogueId));
  if (!mayRecord) return { mayRecord: false as const };
  const [dialogue, meetings] = await Promise.all([
    db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { languages: true } }),
    meetingOptions(dialogueId),
  ]);
  return { mayRecord: true as const, languages: contributionLanguages(dialogue.languages), meetings };
}
