import type { Prisma } from "@/lib/generated/prisma/client";
import { versionsSelect } from "@/lib/host-texts/version-select";

/**
 * A dialogue's headline as lists, cards and the open-data API show it: facts anyone may read
 * about a public dialogue (keep it so: the API spreads it).
 */
export const dialogueHeadlineSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  phase: true,
  languages: true,
} as const satisfies Prisma.DialogueSelect;

/** A dialogue's themes in the municipality's order. */
export const dialogueThemesSelect = {
  orderBy: [{ theme: { position: "asc" } }, { theme: { name: "asc" } }],
  select: { theme: { select: { id: true, key: true, name: true } } },
} satisfies Prisma.Dialogue$themesArgs;

/** The themes a municipality offers for new choices (archived ones stay on old dialogues only). */
export const liveThemesSelect = {
  where: { archivedAt: null },
  orderBy: [{ position: "asc" }, { name: "asc" }],
  select: { id: true, key: true, name: true },
} satisfies Prisma.Municipality$themesArgs;

/**
 * A dialogue named where a person's own things are listed (follows, notifications): enough to
 * link to it and show its title in the reader's language (decision 025).
 */
export const dialogueNamedSelect = {
  id: true,
  slug: true,
  title: true,
  phase: true,
  languages: true,
  translations: versionsSelect({ title: true }),
  municipality: { select: { slug: true } },
} as const satisfies Prisma.DialogueSelect;
