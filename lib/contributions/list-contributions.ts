import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { ContributionKind, ContributionStatus, TranslationMethod } from "@/lib/generated/prisma/enums";
import { publicDialogueWhere } from "@/lib/dialogues/public-dialogue-where";
import { PERSPECTIVE_ORDER, type Perspective, type SupportBreakdown } from "./perspectives";
import { visibleContributionWhere } from "./visible-contribution-where";

export const CONTRIBUTIONS_PER_PAGE = 20;
/** Far beyond any real dialogue; keeps OFFSET arithmetic away from absurd values. */
const MAX_PAGE = 10_000;

const pageSchema = z.coerce.number().int().min(1).max(MAX_PAGE);

/**
 * The page number from a `?page=` search parameter. Anything that is not a whole number in
 * range (missing, `abc`, `0`, `2.5`, repeated) means the first page.
 */
export function parsePageNumber(value: unknown): number {
  if (typeof value !== "string" || !/^\d+$/.test(value)) return 1;
  const parsed = pageSchema.safeParse(value);
  return parsed.success ? parsed.data : 1;
}

const inputSchema = z.object({
  dialogueId: z.uuid(),
  page: pageSchema,
  /** The reader's language: a translation into it is returned with each contribution. */
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
});

export type ContributionListItem = {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  title: string;
  /** The language it was written or said in (BCP 47). */
  language: string;
  /** One of the dialogue's themes (a foreign key guarantees it); the caller has their names. */
  themeId: string;
  /** The title in the reader's language when someone translated it; the original stays `title`. */
  translation: { title: string; method: TranslationMethod } | null;
  supports: SupportBreakdown;
};

export type ContributionPage = {
  items: ContributionListItem[];
  page: number;
  pageCount: number;
  total: number;
};

/**
 * One page of a public dialogue's visible contributions. Needs come before proposals and,
 * within each, lived experience comes first (DESIGN.md, principle 1); then newest first.
 * Five queries, whatever the page size or the number of supports.
 */
export async function listContributions(input: { dialogueId: string; page: number; locale: string }): Promise<ContributionPage> {
  const { dialogueId, page, locale } = inputSchema.parse(input);
  const where = { ...visibleContributionWhere, dialogueId, dialogue: publicDialogueWhere };

  const [total, rows] = await Promise.all([
    db.contribution.count({ where }),
    db.contribution.findMany({
      where,
      // Postgres sorts enums in declaration order: NEED before PROPOSAL, LIVED_EXPERIENCE
      // first (schema.prisma). The index on (dialogueId, kind, authorPerspective, createdAt)
      // serves this order; `id` makes it total so pages never overlap.
      orderBy: [{ kind: "asc" }, { authorPerspective: "asc" }, { createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CONTRIBUTIONS_PER_PAGE,
      take: CONTRIBUTIONS_PER_PAGE,
      select: {
        id: true,
        kind: true,
        status: true,
        title: true,
        language: true,
        themeId: true,
        translations: { where: { language: locale, title: { not: null } }, select: { title: true, method: true }, take: 1 },
      },
    }),
  ]);

  const ids = rows.map((row) => row.id);
  const [online, atMeetings] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db.support.groupBy({
            by: ["contributionId", "perspective"],
            where: { contributionId: { in: ids } },
            _count: { _all: true },
          }),
          db.meetingSupport.groupBy({
            by: ["contributionId", "perspective"],
            where: { contributionId: { in: ids } },
            _sum: { count: true },
          }),
        ]);

  const tally = new Map<string, Map<Perspective, { online: number; atMeetings: number }>>();
  const cell = (contributionId: string, perspective: Perspective) => {
    let perContribution = tally.get(contributionId);
    if (!perContribution) tally.set(contributionId, (perContribution = new Map()));
    let counts = perContribution.get(perspective);
    if (!counts) perContribution.set(perspective, (counts = { online: 0, atMeetings: 0 }));
    return counts;
  };
  for (const row of online) cell(row.contributionId, row.perspective).online += row._count._all;
  for (const row of atMeetings) cell(row.contributionId, row.perspective).atMeetings += row._sum.count ?? 0;

  const items = rows.map(({ translations, ...row }): ContributionListItem => {
    const byPerspective = PERSPECTIVE_ORDER.map((perspective) => ({
      perspective,
      ...(tally.get(row.id)?.get(perspective) ?? { online: 0, atMeetings: 0 }),
    }));
    const supportTotal = byPerspective.reduce((sum, p) => sum + p.online + p.atMeetings, 0);
    const [translated] = translations;
    const translation = translated?.title && row.language !== locale ? { title: translated.title, method: translated.method } : null;
    return { ...row, translation, supports: { total: supportTotal, byPerspective } };
  });

  return { items, page, pageCount: Math.max(1, Math.ceil(total / CONTRIBUTIONS_PER_PAGE)), total };
}
