// Asserts that PostgreSQL itself refused a statement, and names the rule that refused it, so
// a test fails when that one constraint or trigger is dropped (another rule refusing the same
// row does not count).
import { expect } from "vitest";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

// The triggers of 20261124040100_domain_invariants raise check_violation with the rule's name
// first in the message ("rule_name: …"): @prisma/adapter-pg passes on SQLSTATE and message only.
const TRIGGER_MESSAGE = /^([a-z_]+): /;

const driverAdapterMeta = z.object({
  driverAdapterError: z.object({
    cause: z.object({
      originalCode: z.string(),
      originalMessage: z.string(),
      constraint: z.object({ index: z.string().optional() }).optional(),
    }),
  }),
});

export type Refusal = {
  /** SQLSTATE, e.g. 23505 unique, 23503 foreign key, 23514 check (and the triggers). */
  sqlState: string;
  message: string;
  /** The constraint or trigger rule that refused, when it can be told. */
  constraint: string | undefined;
};

/** Awaits a statement that must fail in PostgreSQL, and tells how it failed. */
export async function refusal(statement: Promise<unknown>): Promise<Refusal> {
  const error = await statement.then(
    () => {
      throw new Error("expected the database to refuse the statement, but it succeeded");
    },
    (rejection: unknown) => rejection,
  );
  return asRefusal(error);
}

/** Reads PostgreSQL's refusal out of a Prisma error; anything else is thrown on. */
export function asRefusal(error: unknown): Refusal {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error;
  const parsed = driverAdapterMeta.safeParse(error.meta);
  if (!parsed.success) throw error;
  const { originalCode: sqlState, originalMessage: message, constraint } = parsed.data.driverAdapterError.cause;
  return { sqlState, message, constraint: constraint?.index ?? ruleInMessage(sqlState, message) };
}

function ruleInMessage(sqlState: string, message: string): string | undefined {
  if (sqlState !== "23514") return undefined;
  const check = /violates check constraint "([^"]+)"/.exec(message);
  if (check) return check[1];
  return TRIGGER_MESSAGE.exec(message)?.[1];
}

/**
 * Expects `statement` to be refused by the named constraint (CHECK, UNIQUE index, FOREIGN KEY)
 * or trigger rule, e.g. `await expectConstraint(db.support.create(…), "Support_contributionId_userId_key")`.
 */
export async function expectConstraint(statement: Promise<unknown>, constraint: string): Promise<Refusal> {
  const refused = await refusal(statement);
  expect(refused.constraint, `refused with ${refused.sqlState}: ${refused.message}`).toBe(constraint);
  return refused;
}
