import "server-only";
import { db } from "@/lib/db/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";

export const DASHBOARD_PHASES: readonly DialoguePhase[] = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"];
const RECENT = 8;

export type DashboardActivity =
  | { kind: "contribution"; at: Date; contribution: { id: string; title: string; language: string; kind: "NEED" | "PROPOSAL" }; dialogue: { slug: string; title: string; language: string } }
  | { kind: "response"; at: Date; contribution: { id: string; title: string; language: string; kind: "NEED" | "PROPOSAL" }; dialogue: { slug: string; title: string; language: string } };

/**
 * The staff dashboard of a municipality: every dialogue by phase (drafts too) with its count of
 * unanswered needs, the open reports, and what happened last (new contributions and answers;
 * never who wrote them). For whom the policy lets read it (dashboard:read); the page reaches it
 * through loadDashboardPage (lib/pages/staff-pages.ts), which answers 404 for everyone else.
 */
export async function getDashboard(viewer: Viewer | null, municipality: { id: string }) {
  authorize(viewer, "dashboard:read", { municipalityId: municipality.id });

  const visible = { ...visibleContribution.where, dialogue: { municipalityId: municipality.id } } as const;
  const [dialogues, unanswered, openReports, contributions, responses] = await Promise.all([
    db.dialogue.findMany({
      where: { municipalityId: municipality.id },
      orderBy: [{ phase: "asc" }, { createdAt: "desc" }],
      select: { id: true, slug: true, title: true, phase: true, languages: true, createdAt: true, _count: { select: { contributions: { where: visibleContribution.where } } } },
    }),
    db.contribution.groupBy({
      by: ["dialogueId"],
      where: { ...visible, kind: "NEED", responses: { none: {} }, dialogue: { municipalityId: municipality.id, ...publishedDialogue.where } },
      _count: { _all: true },
    }),
    db.report.count({
      where: {
        status: "OPEN",
        OR: [
          { contribution: { dialogue: { municipalityId: municipality.id, ...publishedDialogue.where } } },
          { comment: { contribution: { dialogue: { municipalityId: municipality.id, ...publishedDialogue.where } } } },
        ],
      },
    }),
    db.contribution.findMany({
      where: { ...visible, dialogue: { municipalityId: municipality.id, ...publishedDialogue.where } },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: { id: true, title: true, language: true, kind: true, createdAt: true, dialogue: { select: { slug: true, title: true, languages: true } } },
    }),
    db.response.findMany({
      where: { contribution: visible },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: { createdAt: true, contribution: { select: { id: true, title: true, language: true, kind: true, dialogue: { select: { slug: true, title: true, languages: true } } } } },
    }),
  ]);

  const unansweredBy = new Map(unanswered.map((row) => [row.dialogueId, row._count._all]));
  const dialogueOf = (d: { slug: string; title: string; languages: string[] }) => ({ slug: d.slug, title: d.title, language: d.languages[0] ?? "de" });
  const activity: DashboardActivity[] = [
    ...contributions.map(({ dialogue, createdAt, ...contribution }) => ({ kind: "contribution" as const, at: createdAt, contribution, dialogue: dialogueOf(dialogue) })),
    ...responses.map(({ createdAt, contribution: { dialogue, ...contribution } }) => ({ kind: "response" as const, at: createdAt, contribution, dialogue: dialogueOf(dialogue) })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, RECENT);

  return {
    dialogues: dialogues.map(({ languages, _count, ...dialogue }) => ({
      ...dialogue,
      language: languages[0] ?? "de",
      contributions: _count.contributions,
      unansweredNeeds: unansweredBy.get(dialogue.id) ?? 0,
    })),
    unansweredNeeds: unanswered.reduce((sum, row) => sum + row._count._all, 0),
    openReports,
    activity,
  };
}
