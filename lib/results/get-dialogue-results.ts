import "server-only";
import { sharedResult } from "@/lib/cache/shared-result";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind, ContributionKind, ContributionSource, ContributionStatus, DialoguePhase } from "@/lib/generated/prisma/enums";
import { PERSPECTIVE_ORDER, type Perspective, type PerspectiveSupport } from "@/lib/perspectives/perspectives";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { CONTRIBUTION_SOURCES, CONTRIBUTION_STATUSES, NOW_UTC, byOrder, visibleContributionsSql } from "./result-sql";

const inputSchema = z.object({ dialogueId: z.uuid() });

export type KindCounts = { needs: number; proposals: number };
export type ResponsibleActor = { id: string; name: string; kind: ActorKind; refugeeLed: boolean; note: string | null };

export type ThemeResults = KindCounts & {
  theme: { id: string; key: string | null; name: string };
  /** Needs of this theme with at least one public response. */
  answeredNeeds: number;
  /** Support for this theme's contributions, per perspective in PERSPECTIVE_ORDER. */
  supports: PerspectiveSupport[];
  /** Who took on responsibility for the theme in this dialogue (Responsibility → Actor), by name. */
  actors: ResponsibleActor[];
};

/** A meeting that has started, with what was recorded there (hidden and withdrawn contributions aside). */
export type HeldMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  contributions: number;
  /** Supports counted there (show of hands, paper), all perspectives. */
  supports: number;
};

export type DialogueResults = {
  dialogueId: string;
  phase: DialoguePhase;
  contributions: KindCounts & {
    /**
     * Who raised them: the author's perspective at the time of writing, in PERSPECTIVE_ORDER, where
     * the author shows it; private ones count as NOT_STATED. Over time the tally changes with each
     * new contribution, whose author the page names, so it must not count what is private
     * (docs/decisions/024-private-perspective.md).
     */
    byPerspective: (KindCounts & { perspective: Perspective })[];
    /** How they reached the dialogue, in the enum's order. */
    bySource: (KindCounts & { source: ContributionSource })[];
  };
  needs: {
    total: number;
    /** Needs with at least one public response. */
    answered: number;
    /** answered / total, or null without needs. */
    answeredShare: number | null;
    byStatus: { status: ContributionStatus; count: number }[];
  };
  /** Online supports and supports counted at meetings, kept apart, per perspective. */
  supports: { online: number; atMeetings: number; byPerspective: PerspectiveSupport[] };
  /** In the dialogue's theme order. */
  themes: ThemeResults[];
  /** Meetings that have started, in time order. */
  meetings: HeldMeeting[];
};

type ContributionRow = {
  set: "theme" | "perspective" | "source" | "status";
  kind: ContributionKind;
  themeId: string | null;
  perspective: Perspective | null;
  source: ContributionSource | null;
  status: ContributionStatus | null;
  count: number;
  answered: number;
};

type SupportRow = { themeId: string | null; perspective: Perspective; online: number; atMeetings: number };

/**
 * The results of a dialogue, as the results page, the exports and the open-data API show them:
 * hidden and withdrawn contributions left out, support always per perspective, lived
 * experience first. Eight SQL statements whatever the dialogue's size; each tally is a GROUP BY.
 */
export async function getDialogueResults(
  viewer: Viewer | null,
  input: z.input<typeof inputSchema>,
  options: { shared?: boolean } = {},
): Promise<DialogueResults> {
  const { dialogueId } = parseInput(inputSchema, input);
  const dialogue = await db.dialogue.findUnique({
    where: { id: dialogueId },
    select: {
      id: true,
      municipalityId: true,
      phase: true,
      themes: {
        orderBy: [{ theme: { position: "asc" } }, { theme: { name: "asc" } }],
        select: { theme: { select: { id: true, key: true, name: true } } },
      },
    },
  });
  if (!dialogue) throw new AppError("NOT_FOUND", "dialogue not found");
  authorize(viewer, "dialogue:read", { municipalityId: dialogue.municipalityId, dialogueId, phase: dialogue.phase });
  // Pages share one tally per version of the dialogue (lib/cache/shared-result.ts); the check
  // above runs for every viewer all the same.
  return options.shared ? sharedResult(`results:${dialogueId}`, { kind: "dialogueId", dialogueId }, () => tally(dialogue)) : tally(dialogue);
}

async function tally(dialogue: {
  id: string;
  phase: DialoguePhase;
  themes: { theme: { id: string; key: string | null; name: string } }[];
}): Promise<DialogueResults> {
  const dialogueId = dialogue.id;

  const visible = visibleContributionsSql(Prisma.sql`c."dialogueId" = ${dialogueId}::uuid`);
  const [contributionRows, supportRows, responsibilities, meetings] = await Promise.all([
    // One pass over the dialogue's visible contributions, four tallies (GROUPING SETS).
    db.$queryRaw<ContributionRow[]>`
      WITH visible AS (${visible})
      SELECT CASE
               WHEN GROUPING(v."themeId") = 0 THEN 'theme'
               WHEN GROUPING(v."shownPerspective") = 0 THEN 'perspective'
               WHEN GROUPING(v."source") = 0 THEN 'source'
               ELSE 'status'
             END AS "set",
             v."kind"::text AS "kind", v."themeId"::text AS "themeId", v."shownPerspective"::text AS "perspective",
             v."source"::text AS "source", v."status"::text AS "status",
             count(*)::int AS "count",
             count(*) FILTER (WHERE v."answered")::int AS "answered"
      FROM visible v
      GROUP BY GROUPING SETS ((v."kind", v."themeId"), (v."kind", v."shownPerspective"), (v."kind", v."source"), (v."kind", v."status"))`,
    // Online supports and those counted at meetings side by side, overall and per theme.
    db.$queryRaw<SupportRow[]>`
      WITH visible AS (${visible}),
      counted AS (
        SELECT v."themeId", s."perspective", 1 AS "online", 0 AS "atMeetings"
          FROM "Support" s JOIN visible v ON v."id" = s."contributionId"
        UNION ALL
        SELECT v."themeId", m."perspective", 0, m."count"
          FROM "MeetingSupport" m JOIN visible v ON v."id" = m."contributionId"
      )
      SELECT x."themeId"::text AS "themeId", x."perspective"::text AS "perspective",
             sum(x."online")::int AS "online", sum(x."atMeetings")::int AS "atMeetings"
      FROM counted x
      GROUP BY GROUPING SETS ((x."perspective"), (x."themeId", x."perspective"))`,
    db.responsibility.findMany({
      where: { dialogueId },
      orderBy: [{ actor: { name: "asc" } }],
      select: { themeId: true, note: true, actor: { select: { id: true, name: true, kind: true, refugeeLed: true } } },
    }),
    db.$queryRaw<HeldMeeting[]>`
      WITH visible AS (${visible})
      SELECT m."id"::text AS "id", m."title", m."startsAt", m."endsAt", m."place",
             coalesce(c."count", 0)::int AS "contributions", coalesce(s."count", 0)::int AS "supports"
      FROM "Meeting" m
      LEFT JOIN (SELECT v."meetingId", count(*) AS "count" FROM visible v WHERE v."meetingId" IS NOT NULL GROUP BY v."meetingId") c
        ON c."meetingId" = m."id"
      LEFT JOIN (SELECT ms."meetingId", sum(ms."count") AS "count" FROM "MeetingSupport" ms JOIN visible v ON v."id" = ms."contributionId" GROUP BY ms."meetingId") s
        ON s."meetingId" = m."id"
      WHERE m."dialogueId" = ${dialogueId}::uuid AND m."startsAt" <= ${NOW_UTC}
      ORDER BY m."startsAt", m."id"`,
  ]);

  const rowsOf = (set: ContributionRow["set"]) => contributionRows.filter((row) => row.set === set);
  const kindCounts = (rows: ContributionRow[]): KindCounts => ({
    needs: rows.find((row) => row.kind === "NEED")?.count ?? 0,
    proposals: rows.find((row) => row.kind === "PROPOSAL")?.count ?? 0,
  });
  const perspectiveSupport = (rows: SupportRow[]): PerspectiveSupport[] =>
    PERSPECTIVE_ORDER.map((perspective) => {
      const row = rows.find((r) => r.perspective === perspective);
      return { perspective, online: row?.online ?? 0, atMeetings: row?.atMeetings ?? 0 };
    });

  const byStatus = rowsOf("status");
  const needRows = byStatus.filter((row) => row.kind === "NEED");
  const needsTotal = needRows.reduce((sum, row) => sum + row.count, 0);
  const answered = needRows.reduce((sum, row) => sum + row.answered, 0);
  const overallSupport = perspectiveSupport(supportRows.filter((row) => row.themeId === null));

  return {
    dialogueId,
    phase: dialogue.phase,
    contributions: {
      ...sumKinds(byStatus),
      byPerspective: PERSPECTIVE_ORDER.map((perspective) => ({
        perspective,
        ...kindCounts(rowsOf("perspective").filter((row) => row.perspective === perspective)),
      })),
      bySource: CONTRIBUTION_SOURCES.map((source) => ({ source, ...kindCounts(rowsOf("source").filter((row) => row.source === source)) })),
    },
    needs: {
      total: needsTotal,
      answered,
      answeredShare: needsTotal === 0 ? null : answered / needsTotal,
      byStatus: byOrder(CONTRIBUTION_STATUSES, needRows, (row) => row.status, (row) => row.count).map(([status, count]) => ({ status, count })),
    },
    supports: {
      online: overallSupport.reduce((sum, p) => sum + p.online, 0),
      atMeetings: overallSupport.reduce((sum, p) => sum + p.atMeetings, 0),
      byPerspective: overallSupport,
    },
    themes: dialogue.themes.map(({ theme }) => {
      const rows = rowsOf("theme").filter((row) => row.themeId === theme.id);
      return {
        theme,
        ...kindCounts(rows),
        answeredNeeds: rows.find((row) => row.kind === "NEED")?.answered ?? 0,
        supports: perspectiveSupport(supportRows.filter((row) => row.themeId === theme.id)),
        actors: responsibilities
          .filter((responsibility) => responsibility.themeId === theme.id)
          .map(({ actor, note }) => ({ ...actor, note })),
      };
    }),
    meetings,
  };
}

function sumKinds(rows: ContributionRow[]): KindCounts {
  return {
    needs: rows.filter((row) => row.kind === "NEED").reduce((sum, row) => sum + row.count, 0),
    proposals: rows.filter((row) => row.kind === "PROPOSAL").reduce((sum, row) => sum + row.count, 0),
  };
}
