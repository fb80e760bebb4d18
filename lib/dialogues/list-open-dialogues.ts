import "server-only";
import { sharedResult } from "@/lib/cache/shared-result";
import { db } from "@/lib/db/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { dialogueHeadlineSelect } from "./dialogue-select";
import type { HostTextVersion } from "@/lib/host-texts/pick-host-text";
import { versionsSelect } from "@/lib/host-texts/version-select";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";

export type OpenDialogue = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  phase: DialoguePhase;
  /** The dialogue's main language (BCP 47), for `lang` on its title and summary. */
  language: string;
  /** Its title and summary in other languages: each reader's is picked from them (decision 025). */
  versions: HostTextVersion[];
  contributions: number;
  supports: number;
  supportsFromLivedExperience: number;
  participants: number;
};

export type MunicipalityDialogues = {
  municipality: { slug: string; name: string };
  dialogues: OpenDialogue[];
};

type SupportTotals = { dialogueId: string; total: number; livedExperience: number };

/**
 * Every dialogue the public may see, grouped by municipality (alphabetical), running phases
 * before closed ones. Two queries, however many dialogues and rows there are.
 */
export async function listOpenDialogues(): Promise<MunicipalityDialogues[]> {
  const dialogues = await db.dialogue.findMany({
    where: publishedDialogue.where,
    // The enum sorts in declaration order: COLLECTING … RESPONDING, then CLOSED.
    orderBy: [{ municipality: { name: "asc" } }, { municipalityId: "asc" }, { phase: "asc" }, { createdAt: "desc" }],
    select: {
      ...dialogueHeadlineSelect,
      translations: versionsSelect({ title: true, summary: true }),
      municipality: { select: { id: true, slug: true, name: true } },
      _count: { select: { contributions: { where: visibleContribution.where }, memberships: true } },
    },
  });
  if (dialogues.length === 0) return [];

  // Online supports and those counted at meetings, on visible contributions only.
  const totals = await db.$queryRaw<SupportTotals[]>`
    SELECT c."dialogueId" AS "dialogueId",
           sum(v.n)::int AS "total",
           coalesce(sum(v.n) FILTER (WHERE v.perspective = 'LIVED_EXPERIENCE'), 0)::int AS "livedExperience"
      FROM (
        SELECT s."contributionId", s."perspective"::text AS perspective, 1 AS n FROM "Support" s
        UNION ALL
        SELECT m."contributionId", m."perspective"::text, m."count" FROM "MeetingSupport" m
      ) v
      JOIN "Contribution" c ON c."id" = v."contributionId"
     WHERE c."dialogueId" = ANY(${dialogues.map((d) => d.id)}::uuid[])
       AND ${visibleContribution.sql("c")}
     GROUP BY c."dialogueId"`;
  const totalsById = new Map(totals.map((row) => [row.dialogueId, row]));

  const groups: MunicipalityDialogues[] = [];
  for (const dialogue of dialogues) {
    let group = groups.at(-1);
    if (group?.municipality.slug !== dialogue.municipality.slug) {
      group = { municipality: { slug: dialogue.municipality.slug, name: dialogue.municipality.name }, dialogues: [] };
      groups.push(group);
    }
    const support = totalsById.get(dialogue.id);
    group.dialogues.push({
      id: dialogue.id,
      versions: dialogue.translations,
      slug: dialogue.slug,
      title: dialogue.title,
      summary: dialogue.summary,
      phase: dialogue.phase,
      language: dialogue.languages[0] ?? "de",
      contributions: dialogue._count.contributions,
      supports: support?.total ?? 0,
      supportsFromLivedExperience: support?.livedExperience ?? 0,
      participants: dialogue._count.memberships,
    });
  }
  return groups;
}

/** The same, computed once per version of everything public per app instance (the start page). */
export function listOpenDialoguesShared(): Promise<MunicipalityDialogues[]> {
  return sharedResult("open-dialogues", { kind: "all" }, listOpenDialogues);
}
