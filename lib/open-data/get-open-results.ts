import "server-only";
import { getDialogueResults, type DialogueResults } from "@/lib/results/get-dialogue-results";
import { publishedDialogueId } from "./get-open-dialogue";

/** The results page's figures of a published dialogue, as the public sees them. */
export async function getOpenResults(input: { dialogueId: string }): Promise<DialogueResults> {
  const dialogueId = await publishedDialogueId(input.dialogueId);
  return getDialogueResults(null, { dialogueId });
}
