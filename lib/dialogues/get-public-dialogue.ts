import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { dialogueHeadlineSelect, dialogueThemesSelect } from "./dialogue-select";
import { slugSchema } from "./slug";
import { publishedDialogue } from "@/lib/policy/visibility";

const inputSchema = z.object({ municipalitySlug: slugSchema, dialogueSlug: slugSchema });

export type DialogueThemeSummary = { id: string; key: string | null; name: string };

export type PublicDialogue = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  phase: DialoguePhase;
  /** BCP 47 codes; the first is the dialogue's main language. */
  languages: string[];
  municipality: { slug: string; name: string };
  themes: DialogueThemeSummary[];
};

/** The dialogue at /<municipality>/<dialogue>, or null when there is none the public may see. */
export async function getPublicDialogue(input: { municipalitySlug: string; dialogueSlug: string }): Promise<PublicDialogue | null> {
  const parsed = inputSchema.safeParse(input);
  // A string that cannot be a slug names no dialogue: the same answer as an unknown one.
  if (!parsed.success) return null;
  const { municipalitySlug, dialogueSlug } = parsed.data;

  const dialogue = await db.dialogue.findFirst({
    where: { ...publishedDialogue.where, slug: dialogueSlug, municipality: { slug: municipalitySlug } },
    select: dialoguePageSelect,
  });
  return dialogue && withThemes(dialogue);
}

/** What a dialogue page shows, for public and draft dialogues alike. */
export const dialoguePageSelect = {
  ...dialogueHeadlineSelect,
  description: true,
  municipality: { select: { slug: true, name: true } },
  themes: dialogueThemesSelect,
} satisfies Prisma.DialogueSelect;

export function withThemes<T extends { themes: { theme: DialogueThemeSummary }[] }>(
  dialogue: T,
): Omit<T, "themes"> & { themes: DialogueThemeSummary[] } {
  return { ...dialogue, themes: dialogue.themes.map(({ theme }) => theme) };
}
