// The read side of the policy (decision 043): which dialogues the public sees and which
// contributions anyone reads. Each rule is declared once, below, and every form the code needs
// — a Prisma where, a SQL fragment for raw queries, an in-memory check on a loaded row — is
// derived from that declaration. tests/policy/visibility.test.ts runs the three forms over the
// same Postgres rows and fails when they disagree.
import { Prisma } from "@/lib/generated/prisma/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";

/** The phases nobody outside the host team sees: a DRAFT is its working copy. CLOSED stays public (its answers stay on record). */
const UNPUBLISHED_PHASES = ["DRAFT"] as const satisfies readonly DialoguePhase[];

/**
 * A contribution is gone, for everyone reading and everything that hangs on it, once any of
 * these is set: hidden by a moderator, withdrawn by its author, merged by the host team into
 * another (decision 051: its page leads to the kept one). All stay on record.
 */
const GONE_WHEN_SET = ["hiddenAt", "withdrawnAt", "mergedAt"] as const;

/** A table alias of a raw query (`d`, `c`, `dlg`): letters only, never user input. */
type Alias = string;
function column(alias: Alias, name: string): Prisma.Sql {
  if (!/^[a-z]+$/i.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return Prisma.raw(`${alias}."${name}"`);
}

const unpublishedList = Prisma.raw(UNPUBLISHED_PHASES.map((phase) => `'${phase}'`).join(", "));

/** A dialogue the public may read: any phase after DRAFT. */
export const publishedDialogue = {
  where: { phase: { notIn: [...UNPUBLISHED_PHASES] } } satisfies Prisma.DialogueWhereInput,
  /** `<alias>."phase" NOT IN ('DRAFT')`, for a raw query over "Dialogue" under `alias`. */
  sql: (alias: Alias): Prisma.Sql => Prisma.sql`${column(alias, "phase")} NOT IN (${unpublishedList})`,
  holds: (dialogue: { phase: DialoguePhase }): boolean => !(UNPUBLISHED_PHASES as readonly DialoguePhase[]).includes(dialogue.phase),
};

type GoneColumns = { [K in (typeof GONE_WHEN_SET)[number]]: Date | null };

/** A contribution shown to readers: neither hidden, withdrawn nor merged. */
export const visibleContribution = {
  where: Object.fromEntries(GONE_WHEN_SET.map((name) => [name, null])) as { [K in (typeof GONE_WHEN_SET)[number]]: null } satisfies Prisma.ContributionWhereInput,
  /** `<alias>."hiddenAt" IS NULL AND <alias>."withdrawnAt" IS NULL AND …`, for a raw query over "Contribution" under `alias`. */
  sql: (alias: Alias): Prisma.Sql =>
    Prisma.sql`(${Prisma.join(
      GONE_WHEN_SET.map((name) => Prisma.sql`${column(alias, name)} IS NULL`),
      " AND ",
    )})`,
  holds: (contribution: GoneColumns): boolean => GONE_WHEN_SET.every((name) => contribution[name] === null),
};
