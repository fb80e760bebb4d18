// Contributions with chosen text, theme, language and time, in one statement, for the listing
// tests; plus a way to read every page of a listing.
import { db } from "@/lib/db/client";
import type { ContributionFilters } from "@/lib/contributions/contribution-filters";
import { listContributions } from "@/lib/contributions/list-contributions";
import type { ContributionKind, Perspective } from "@/lib/generated/prisma/enums";
import { createDialogue, createUser, firstThemeId, openDialogue, unique } from "@/tests/support/factories";

export type Row = {
  kind?: ContributionKind;
  perspective?: Perspective;
  title?: string;
  body?: string;
  language?: string;
  themeId?: string;
  /** Minutes after a fixed start, so the order by creation time is exact. */
  minute?: number;
  hidden?: boolean;
};

const START = Date.UTC(2026, 0, 1, 9, 0, 0);

export async function openedDialogue(languages = ["de", "ar", "uk"]) {
  const dialogue = await createDialogue({ languages });
  await openDialogue(dialogue.id);
  return dialogue;
}

export async function seed(dialogue: Awaited<ReturnType<typeof openedDialogue>>, rows: Row[]) {
  // Shows it: the default order sorts by the perspective the public may see (decision 024).
  const author = await createUser({ perspective: "LOCAL_ACTOR", showPerspective: true });
  return db.contribution.createManyAndReturn({
    data: rows.map((row, index) => {
      const title = row.title ?? unique("Beitrag");
      return {
        dialogueId: dialogue.id,
        themeId: row.themeId ?? firstThemeId(dialogue),
        kind: row.kind ?? "NEED",
        title,
        body: row.body ?? `Text zu ${title}`,
        language: row.language ?? "de",
        authorId: author.id,
        authorPerspective: row.perspective ?? "LOCAL_ACTOR",
        createdAt: new Date(START + (row.minute ?? index) * 60_000),
        hiddenAt: row.hidden ? new Date() : null,
        hiddenCategory: row.hidden ? ("SPAM" as const) : null,
      };
    }),
    select: { id: true, title: true },
  });
}

export async function list(dialogueId: string, filters: Partial<ContributionFilters> = {}, page = 1) {
  return listContributions({ dialogueId, page, locale: "de", filters: { sort: "needs", ...filters } });
}

/** Every page in order; the ids as the reader sees them. */
export async function allIds(dialogueId: string, filters: Partial<ContributionFilters> = {}) {
  const first = await list(dialogueId, filters);
  const ids = first.items.map((item) => item.id);
  for (let page = 2; page <= first.pageCount; page += 1) {
    ids.push(...(await list(dialogueId, filters, page)).items.map((item) => item.id));
  }
  return { ids, total: first.total, pageCount: first.pageCount };
}
