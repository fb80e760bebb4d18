// What a reader may narrow a dialogue's contribution list by, read from the URL. Shared by the
// domain function (which validates again) and the filter form; no database here.
import { z } from "zod";
import { ContributionKind, ContributionStatus } from "@/lib/generated/prisma/enums";
import { languageTagSchema } from "@/lib/i18n/language-tag";

export const CONTRIBUTION_SORTS = ["needs", "newest", "supported"] as const;
export type ContributionSort = (typeof CONTRIBUTION_SORTS)[number];
export const DEFAULT_SORT: ContributionSort = "needs";
export const CONTRIBUTION_KINDS = Object.values(ContributionKind);
export const CONTRIBUTION_STATUSES = Object.values(ContributionStatus);
/** Long enough for any real search, short enough to keep the tsquery small. */
export const MAX_SEARCH_LENGTH = 200;

export const contributionFiltersSchema = z.object({
  kind: z.enum(ContributionKind).optional(),
  themeId: z.uuid().optional(),
  /** One of the municipality's districts (decision 049): lists only what its threshold lets show. */
  districtId: z.uuid().optional(),
  status: z.enum(ContributionStatus).optional(),
  language: languageTagSchema.optional(),
  /** Free text; only searched when it holds a letter or digit in any script. */
  q: z
    .string()
    .trim()
    .max(MAX_SEARCH_LENGTH)
    // …and never holds U+0000, which Postgres refuses (the filter is dropped, not the page).
    .refine((text) => /[\p{L}\p{N}]/u.test(text) && !text.includes("\u0000"))
    .optional(),
  sort: z.enum(CONTRIBUTION_SORTS).default(DEFAULT_SORT),
});

export type ContributionFilters = z.output<typeof contributionFiltersSchema>;
export const NO_FILTERS: ContributionFilters = { sort: DEFAULT_SORT };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Filters from `?kind=&theme=&district=&status=&language=&q=&sort=`. Each value stands on its own: one
 * that is missing, repeated, malformed or no longer offered (a theme removed since the link was
 * shared) is dropped and the rest still apply, so an old link never breaks the page.
 */
export function parseContributionFilters(
  params: SearchParams,
  offered: { themeIds: readonly string[]; languages: readonly string[]; districtIds?: readonly string[] },
): ContributionFilters {
  const one = (name: string) => {
    const value = params[name];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const field = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const shape = contributionFiltersSchema.shape;
  const themeId = field(shape.themeId, one("theme"));
  const language = field(shape.language, one("language"));
  const districtId = field(shape.districtId, one("district"));
  // A query that is too long is cut rather than dropped: the reader still gets results.
  const q = field(shape.q, one("q")?.slice(0, MAX_SEARCH_LENGTH));
  return {
    kind: field(shape.kind, one("kind")),
    themeId: themeId && offered.themeIds.includes(themeId) ? themeId : undefined,
    districtId: districtId && offered.districtIds?.includes(districtId) ? districtId : undefined,
    status: field(shape.status, one("status")),
    language: language && offered.languages.includes(language) ? language : undefined,
    q,
    sort: field(shape.sort, one("sort")) ?? DEFAULT_SORT,
  };
}

/** The filters as URL parameters, defaults left out; what the form and the page links carry. */
export function filtersToQuery(filters: ContributionFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.kind) query.kind = filters.kind;
  if (filters.themeId) query.theme = filters.themeId;
  if (filters.districtId) query.district = filters.districtId;
  if (filters.status) query.status = filters.status;
  if (filters.language) query.language = filters.language;
  if (filters.q) query.q = filters.q;
  if (filters.sort !== DEFAULT_SORT) query.sort = filters.sort;
  return query;
}

/** True when anything narrows the list (the sort alone does not). */
export function isFiltered(filters: ContributionFilters): boolean {
  return Boolean(filters.kind || filters.themeId || filters.districtId || filters.status || filters.language || filters.q);
}
