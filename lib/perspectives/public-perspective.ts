import { Prisma } from "@/lib/generated/prisma/client";
import type { Perspective } from "@/lib/generated/prisma/enums";

// The one rule for a perspective next to someone's words (docs/design.md, principle 4;
// docs/decisions/024-private-perspective.md): others see the perspective of a contribution or
// comment only when its author chose to show it (User.showPerspective) and the account still
// exists. "Municipal staff" is no self-declaration but the STAFF role at the time of writing,
// which a verified badge shows anyway (decision 015): it is public on what staff write. A voice
// recorded offline is shown only when the person agreed when it was read back
// (Contribution.voiceShowsPerspective) — and, once its receipt is attached to an account
// (decision 032), only when that account shows its perspective as well: attaching never makes
// public what the voice kept private. Every public surface — pages, list
// order, open data, exports, results — takes it from here, in memory or as SQL;
// tests/contributions/public-perspective.test.ts pins the two together.

/** What the rule needs of an author. */
export const PERSPECTIVE_SHOWN_SELECT = { showPerspective: true, deletedAt: true } as const;
type Author = { showPerspective: boolean; deletedAt: Date | null };

/**
 * The snapshot taken when it was written, or null where it is private. `author` is null for a
 * voice without an account; `recorded` says the words were recorded on someone's behalf
 * (source other than ONLINE; always so without an author), and `voiceShows` is then the voice's
 * own consent at read-back, needed whether or not an account was attached later. Comments always
 * have an author and are never recorded.
 */
export function publicPerspective(snapshot: Perspective, author: Author | null, voiceShows = false, recorded = author === null): Perspective | null {
  const byAuthor = author === null || ((author.showPerspective || snapshot === "MUNICIPAL_STAFF") && author.deletedAt === null);
  const byVoice = !recorded || voiceShows;
  return byAuthor && byVoice ? snapshot : null;
}

const BY_AUTHOR = (alias: string) =>
  `(SELECT ${alias}."authorPerspective" FROM "User" pu WHERE pu."id" = ${alias}."authorId"` +
  ` AND (pu."showPerspective" OR ${alias}."authorPerspective" = 'MUNICIPAL_STAFF') AND pu."deletedAt" IS NULL)`;

/**
 * The same as SQL: the perspective of the row `alias` of "Contribution" (`table: "contribution"`)
 * or "Comment", or NULL where it is private.
 */
export function publicPerspectiveSql(table: "contribution" | "comment", alias: string): Prisma.Sql {
  if (!/^[a-z]$/.test(alias)) throw new Error("alias must be one letter");
  return Prisma.raw(
    table === "comment"
      ? BY_AUTHOR(alias)
      : `(CASE WHEN ${alias}."authorId" IS NULL OR ${alias}."source" <> 'ONLINE' THEN (CASE WHEN ${alias}."voiceShowsPerspective" THEN ` +
          `(CASE WHEN ${alias}."authorId" IS NULL THEN ${alias}."authorPerspective" ELSE ${BY_AUTHOR(alias)} END) END) ELSE ${BY_AUTHOR(alias)} END)`,
  );
}

/**
 * For orders and tallies of contributions by perspective: a private one counts as "not stated",
 * the one value that tells nothing about the person. Stored in "Contribution"."shownPerspective"
 * by triggers (migrations shown_perspective_stored, shown_perspective_attached_voice) so the default order is served by an index;
 * tests/contributions/public-perspective.test.ts pins the stored value to the rule.
 */
export function groupedPerspectiveSql(alias: string): Prisma.Sql {
  if (!/^[a-z]$/.test(alias)) throw new Error("alias must be one letter");
  return Prisma.raw(`${alias}."shownPerspective"`);
}
