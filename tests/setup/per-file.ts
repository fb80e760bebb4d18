// Before each test file: its own database, cloned from the migrated template, as DATABASE_URL
// for everything the file imports. Afterwards it is dropped.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { dropDatabase } from "../../lib/db/databases";
import { cloneTemplate } from "../../lib/db/test-databases";

const serverUrl = inject("dbServerUrl");
const name = `mitreden_test_${randomBytes(6).toString("hex")}`;
process.env.DATABASE_URL = await cloneTemplate(serverUrl, inject("dbTemplate"), name);

afterAll(async () => {
  // The job queue's own pool (lib/jobs/job-queue.ts), if the file sent or worked jobs.
  await (await import("../../lib/jobs/job-queue")).closeJobQueue();
  const { db } = await import("../../lib/db/client");
  await db.$disconnect();
  // The rate limiter's own small pool (lib/rate-limit.ts), if the file used it.
  await (globalThis as { rateLimitPool?: { end(): Promise<void> } }).rateLimitPool?.end();
  // The database gate's probe connection (lib/health/database-gate.ts), if a route ran.
  await (await import("../../lib/health/database-gate")).closeDatabaseGate();
  // The proxy's session lookup (lib/auth/live-session.ts), if a large post was judged.
  await (await import("../../lib/auth/live-session")).closeLiveSessions();
  await dropDatabase(serverUrl, name);
});

// A test fails when something logs an error it did not expect (as in epic-stack).
const originalError = console.error;
console.error = (...args: unknown[]) => {
  originalError(...args);
  throw new Error(`console.error was called: ${args.map(String).join(" ").slice(0, 500)}`);
};
