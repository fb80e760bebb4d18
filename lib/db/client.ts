import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { reportDatabaseError } from "@/lib/health/database-gate";
import { metrics } from "@/lib/metrics/registry";

// One client per process, created on first use: `next build` loads route modules without a
// database, and a module-level client would read DATABASE_URL there. In development, module
// reloads would otherwise open a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    // Our own pg pool (the adapter uses it as is), so /api/metrics can report its use.
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
    metrics().sources.pool = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: DATABASE_POOL_SIZE });
    // A connection that dies (Postgres shutting down sends 57P01 to each) closes the database
    // gate at once: the next request gets a 503, not a failed query (lib/health/database-gate.ts).
    // $disconnect ends the pool too (else its idle connections outlive the client, listener-less).
    const adapter = new PrismaPg(pool, { onPoolError: reportDatabaseError, onConnectionError: reportDatabaseError, disposeExternalPool: true });
    globalForPrisma.prisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value: unknown = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});
