import "server-only";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { listDashboardDialogues } from "./dashboard-dialogues";

const RECENT = 8;

export type DashboardActivity =
  | { kind: "contribution"; at: Date; contribution: { id: string; title: string; language: string; kind: "NEED" | "PROPOSAL" }; dialogue: { slug: string; title: string; language: string } }
  | { kind: "response"; at: Date; contribution: { id: string; title: string; language: string; kind: "NEED" | "PROPOSAL" }; dialogue: { slug: string; title: string; language: string } };

/**
 * The staff dashboard of a municipality: one page of its dialogues by phase (drafts too) with
 * their counts of unanswered needs (`list`: the page's number and keyset cursor,
 * lib/municipalities/dashboard-dialogues.ts), the unanswered needs in all, the open reports, and what happened last (new contributions and answers;
 * never who wrote them). For whom the policy lets read it (dashboard:read); the page reaches it
 * through loadDashboardPage (lib/pages/staff-pages.ts), which answers 404 for everyone else.
 */
export async function getDashboard(viewer: Viewer | null, municipality: { id: string }, list: { page?: number; after?: string; before?: string } = {}) {
  authorize(viewer, "dashboard:read", { municipalityId: municipality.id });

  const visible = { ...visibleContribution.where, dialogue: { municipalityId: municipality.id } } as const;
  const [dialoguePage, unanswered, openReports, contributions, responses] = await Promise.all([
    listDashboardDialogues(municipality.id, list),
    db.contribution.count({
      where: { ...visible, kind: "NEED", responses: { none: {} }, dialogue: { municipalityId: municipality.id, ...publishedDialogue.where } },
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

  const dialogueOf = (d: { slug: string; title: string; languages: string[] }) => ({ slug: d.slug, title: d.title, language: d.languages[0] ?? "de" });
  const activity: DashboardActivity[] = [
    ...contributions.map(({ dialogue, createdAt, ...contribution }) => ({ kind: "contribution" as const, at: createdAt, contribution, dialogue: dialogueOf(dialogue) })),
    ...responses.map(({ createdAt, contribution: { dialogue, ...contribution } }) => ({ kind: "response" as const, at: createdAt, contribution, dialogue: dialogueOf(dialogue) })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, RECENT);

  return {
    /** One page of the dialogues: `dialogues`, `inPhase` (each phase's count in all), `page`, `pageCount`, `cursors`. */
    ...dialoguePage,
    unansweredNeeds: unanswered,
    openReports,
    activity,
  };
}
