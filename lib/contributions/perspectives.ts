import type { Perspective } from "@/lib/generated/prisma/enums";

export type { Perspective };

/**
 * The order every tally lists perspectives in (DESIGN.md: results are never averaged away,
 * lived experience first). It is also the declaration order of the Postgres enum, which the
 * contribution list's ORDER BY relies on.
 */
export const PERSPECTIVE_ORDER = [
  "LIVED_EXPERIENCE",
  "LOCAL_ACTOR",
  "MUNICIPAL_STAFF",
  "NOT_STATED",
] as const satisfies readonly Perspective[];

/** Support for one contribution from one perspective: online, and counted at meetings. */
export type PerspectiveSupport = { perspective: Perspective; online: number; atMeetings: number };

/** One entry per perspective, in PERSPECTIVE_ORDER, zeros included. */
export type SupportBreakdown = { total: number; byPerspective: PerspectiveSupport[] };
