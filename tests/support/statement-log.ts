// For tests that count SQL statements: a database client that hands every statement it sends
// to `report`, with its parameters (as Prisma prints them) for tests that EXPLAIN it again. Prisma reports statements through `$on("query")`, which needs a client built with
// query events, so such a test file swaps the shared client for this one:
//
//   const statements = vi.hoisted(() => ({ log: [] as string[] }));
//   vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function reportingClient(report: (query: string, params: string) => void): { db: PrismaClient } {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }),
    log: [{ emit: "event", level: "query" }],
  });
  db.$on("query", (event) => report(event.query, event.params));
  return { db };
}
