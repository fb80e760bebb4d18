import { z } from "zod";

// Keyset pagination for the open-data API: ids are UUIDv7 (time-ordered), so "after this id"
// is a stable cursor that neither skips nor repeats rows while new ones arrive.
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 50;

export const pageInput = z.object({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

export type PageInput = z.input<typeof pageInput>;
export type Page<T> = { items: T[]; nextCursor: string | null };

/** Prisma arguments for one page: one row more than asked, to know whether there is a next page. */
export function pageArgs(page: z.output<typeof pageInput>) {
  return { where: page.cursor ? { id: { gt: page.cursor } } : {}, orderBy: { id: "asc" as const }, take: page.limit + 1 };
}

export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
