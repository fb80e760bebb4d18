import type { Perspective } from "@/lib/generated/prisma/enums";

// No zod here: the profile fields (a client component) read the perspectives from this module,
// and zod would ship with them to the browser (~30 KB, the account page's issue-16 budget). The
// schema of a self-declared perspective is in ./self-declared-perspective.ts.

export type { Perspective };

/**
 * The order every tally lists perspectives in (docs/design.md: results are never averaged away,
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

/**
 * What a person may say about themselves. "Municipal staff" is not among them: it comes from
 * the STAFF role of the dialogue's municipality (perspective-snapshot.ts), never from a profile.
 */
export const SELF_DECLARED_PERSPECTIVES = ["LIVED_EXPERIENCE", "LOCAL_ACTOR", "NOT_STATED"] as const satisfies readonly Perspective[];

/**
 * The perspective a contribution, comment or support records (a snapshot, so tallies need no
 * join and do not shift later). "Municipal staff" is the STAFF role in the dialogue's
 * municipality at the time of writing, whatever the person says about themselves; without
 * that role an old self-declared "municipal staff" counts as not stated.
 */
export function snapshotOf(declared: Perspective, holdsStaffRole: boolean): Perspective {
  if (holdsStaffRole) return "MUNICIPAL_STAFF";
  return declared === "MUNICIPAL_STAFF" ? "NOT_STATED" : declared;
}
