import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { defaultRules } from "@/lib/host-texts/default-rules";
import { openDialogue, openDialogueSelect } from "./open-dialogue-select";
import { publishedDialogue } from "@/lib/policy/visibility";
import { parseInput } from "@/lib/validation";
import { pageArgs, pageInput, type PageInput } from "./page";

/** The id of a published dialogue; anything else (a draft, an unknown or malformed id) is NOT_FOUND. */
export async function publishedDialogueId(dialogueId: string): Promise<string> {
  const id = z.uuid().safeParse(dialogueId);
  const dialogue = id.success
    ? await db.dialogue.findFirst({ where: { id: id.data, ...publishedDialogue.where }, select: { id: true } })
    : null;
  if (!dialogue) throw new AppError("NOT_FOUND", "dialogue not found");
  return dialogue.id;
}

/**
 * One page of a list under a published dialogue: the dialogue's id, the page's limit, and the
 * Prisma arguments of the page (`where` to be merged with the list's own).
 */
export async function publishedDialoguePage(input: PageInput & { dialogueId: string }) {
  const { dialogueId, ...rest } = input;
  const page = parseInput(pageInput, rest);
  return { dialogueId: await publishedDialogueId(dialogueId), limit: page.limit, ...pageArgs(page) };
}

/** One published dialogue with its description and code of conduct. */
export async function getOpenDialogue(input: { dialogueId: string }) {
  const id = await publishedDialogueId(input.dialogueId);
  const dialogue = await db.dialogue.findUniqueOrThrow({
    where: { id },
    select: { ...openDialogueSelect, description: true, codeOfConduct: true },
  });
  // A dialogue that keeps the default rules (NULL) publishes them in its main language (decision 025).
  const codeOfConduct = dialogue.codeOfConduct ?? (await defaultRules(dialogue.languages[0] ?? "de")).text;
  return openDialogue({ ...dialogue, codeOfConduct });
}
