import type { Prisma } from "@/lib/generated/prisma/client";
import { dialogueHeadlineSelect, dialogueThemesSelect } from "@/lib/dialogues/dialogue-select";

// What the API says about a dialogue: public facts, never who created it or who is a member.
export const openDialogueSelect = {
  ...dialogueHeadlineSelect,
  collectingFrom: true,
  deliberatingFrom: true,
  respondingFrom: true,
  closesAt: true,
  createdAt: true,
  municipality: { select: { slug: true, name: true } },
  themes: dialogueThemesSelect,
} satisfies Prisma.DialogueSelect;

type Row = Prisma.DialogueGetPayload<{ select: typeof openDialogueSelect }>;

export function openDialogue<T extends Row>({ themes, ...dialogue }: T) {
  return { ...dialogue, themes: themes.map(({ theme }) => theme) };
}

export type OpenDialogue = ReturnType<typeof openDialogue<Row>>;
